// regenerateRecoveryCodes: invokes functions/regenerateRecoveryCodes.ts (see operations.ts).
export { request, response } from './lib/lambda';
