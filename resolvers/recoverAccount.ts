// recoverAccount: invokes functions/recoverAccount.ts (see operations.ts).
export { request, response } from './lib/lambda';
