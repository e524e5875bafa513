// confirmMfa: invokes functions/confirmMfa.ts (see operations.ts).
export { request, response } from './lib/lambda';
