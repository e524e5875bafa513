// startPasskeySignIn: invokes functions/startPasskeySignIn.ts (see operations.ts).
export { request, response } from './lib/lambda';
