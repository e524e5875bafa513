// confirmForgotPassword: invokes functions/confirmForgotPassword.ts (see operations.ts).
export { request, response } from './lib/lambda';
