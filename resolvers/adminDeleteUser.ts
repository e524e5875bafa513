// adminDeleteUser: invokes functions/adminDeleteUser.ts (see operations.ts); IAM-authorized.
export { request, response } from './lib/admin';
