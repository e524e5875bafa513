// adminEnableUser: invokes functions/adminEnableUser.ts (see operations.ts); IAM-authorized.
export { request, response } from './lib/admin';
