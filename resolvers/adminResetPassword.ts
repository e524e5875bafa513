// adminResetPassword: invokes functions/adminResetPassword.ts (see operations.ts); IAM-authorized.
export { request, response } from './lib/admin';
