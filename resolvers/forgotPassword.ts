// forgotPassword: invokes functions/forgotPassword.ts (see operations.ts).
export { request, response } from './lib/lambda';
