// verifyMfa: invokes functions/verifyMfa.ts (see operations.ts).
export { request, response } from './lib/lambda';
