// deletePasskey: invokes functions/deletePasskey.ts (see operations.ts).
export { request, response } from './lib/lambda';
