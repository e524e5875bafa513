// adminSignOutUser: invokes functions/adminSignOutUser.ts (see operations.ts); IAM-authorized.
export { request, response } from './lib/admin';
