// logout: invokes functions/logout.ts (see operations.ts).
export { request, response } from './lib/lambda';
