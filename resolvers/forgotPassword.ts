// forgotPassword: invokes functions/forgotPassword.ts asynchronously (see operations.ts).
import type { Context, LambdaRequest } from '@aws-appsync/utils';
import { assertQueued, eventRequest, normalEmail } from './lib/lambda';

export function request(ctx: Context): LambdaRequest {
  normalEmail(ctx.arguments.input.email);
  return eventRequest(ctx);
}

/** ada@example.com becomes a***@e***, Cognito's style of delivery destination, for every address alike. */
function masked(address: string): string {
  const at = address.lastIndexOf('@');
  return `${address.slice(0, 1)}***@${address.slice(at + 1, at + 2)}***`;
}

/** The same answer for every address, before Cognito is asked: the function sends the code afterwards. */
export function response(ctx: Context): unknown {
  assertQueued(ctx);
  const email = normalEmail(ctx.arguments.input.email);
  return { email, status: 'PASSWORD_FORGOT_CONFIRMATION_SENT', deliveryDestination: masked(email) };
}
