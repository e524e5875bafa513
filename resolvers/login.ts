// login: invokes functions/login.ts (see operations.ts).
export { request, response } from './lib/lambda';
