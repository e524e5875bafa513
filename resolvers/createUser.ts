// createUser: invokes functions/createUser.ts (see operations.ts).
export { request, response } from './lib/lambda';
