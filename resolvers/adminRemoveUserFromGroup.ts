// adminRemoveUserFromGroup: invokes functions/adminRemoveUserFromGroup.ts (see operations.ts); IAM-authorized.
export { request, response } from './lib/admin';
