// finishPasskeyRegistration: invokes functions/finishPasskeyRegistration.ts (see operations.ts).
export { request, response } from './lib/lambda';
