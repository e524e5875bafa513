// adminDisableUser: invokes functions/adminDisableUser.ts (see operations.ts); IAM-authorized.
export { request, response } from './lib/admin';
