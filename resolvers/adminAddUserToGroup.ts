// adminAddUserToGroup: invokes functions/adminAddUserToGroup.ts (see operations.ts); IAM-authorized.
export { request, response } from './lib/admin';
