// adminResetMfa: invokes functions/adminResetMfa.ts (see operations.ts); IAM-authorized.
export { request, response } from './lib/admin';
