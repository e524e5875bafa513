// resendMfaQrCode: invokes functions/resendMfaQrCode.ts (see operations.ts).
export { request, response } from './lib/lambda';
