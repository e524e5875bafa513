// confirmUser: invokes functions/confirmUser.ts (see operations.ts).
export { request, response } from './lib/lambda';
