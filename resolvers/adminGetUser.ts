// adminGetUser: invokes functions/adminGetUser.ts (see operations.ts); IAM-authorized.
export { request, response } from './lib/admin';
