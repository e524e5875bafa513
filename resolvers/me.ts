// me: invokes functions/me.ts (see operations.ts).
export { request, response } from './lib/lambda';
