// refreshTokens: invokes functions/refreshTokens.ts (see operations.ts).
export { request, response } from './lib/lambda';
