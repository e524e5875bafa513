// resendTemporaryPassword: invokes functions/resendTemporaryPassword.ts asynchronously (see operations.ts).
import type { Context, LambdaRequest } from '@aws-appsync/utils';
import { assertQueued, eventRequest, normalEmail } from './lib/lambda';

export function request(ctx: Context): LambdaRequest {
  normalEmail(ctx.arguments.input.email);
  return eventRequest(ctx);
}

/** The same answer for every address and account state, before Cognito is asked. */
export function response(ctx: Context): unknown {
  assertQueued(ctx);
  return { email: normalEmail(ctx.arguments.input.email), status: 'TEMPORARY_PASSWORD_SENT' };
}
