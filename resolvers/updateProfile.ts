// updateProfile: invokes functions/updateProfile.ts (see operations.ts).
export { request, response } from './lib/lambda';
