// startPasskeyRegistration: invokes functions/startPasskeyRegistration.ts (see operations.ts).
export { request, response } from './lib/lambda';
