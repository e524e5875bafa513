// deleteMe: invokes functions/deleteMe.ts (see operations.ts).
export { request, response } from './lib/lambda';
