// replaceAuthenticator: invokes functions/replaceAuthenticator.ts (see operations.ts).
export { request, response } from './lib/lambda';
