// adminResendInvitation: invokes functions/adminResendInvitation.ts (see operations.ts); IAM-authorized.
export { request, response } from './lib/admin';
