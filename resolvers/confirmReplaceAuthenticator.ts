// confirmReplaceAuthenticator: invokes functions/confirmReplaceAuthenticator.ts (see operations.ts).
export { request, response } from './lib/lambda';
