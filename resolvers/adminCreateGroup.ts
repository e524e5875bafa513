// adminCreateGroup: invokes functions/adminCreateGroup.ts (see operations.ts); IAM-authorized.
export { request, response } from './lib/admin';
