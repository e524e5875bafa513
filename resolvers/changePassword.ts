// changePassword: invokes functions/changePassword.ts (see operations.ts).
export { request, response } from './lib/lambda';
