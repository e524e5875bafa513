// adminListUsers: invokes functions/adminListUsers.ts (see operations.ts); IAM-authorized.
export { request, response } from './lib/admin';
