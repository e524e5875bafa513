// adminListGroups: invokes functions/adminListGroups.ts (see operations.ts); IAM-authorized.
export { request, response } from './lib/admin';
