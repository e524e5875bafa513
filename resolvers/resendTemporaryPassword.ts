// resendTemporaryPassword: invokes functions/resendTemporaryPassword.ts (see operations.ts).
export { request, response } from './lib/lambda';
