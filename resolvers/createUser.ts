// createUser: invokes functions/createUser.ts asynchronously (see operations.ts).
import { util, type Context, type LambdaRequest } from '@aws-appsync/utils';
import { assertQueued, eventRequest, normalEmail, refuseInput } from './lib/lambda';

/**
 * The answer is the same whether the address is new or already has an account, and it comes before
 * Cognito is asked: `userId` is always null (the id is the `sub` of the user's tokens once they
 * sign in). The function creates the account, and Cognito e-mails the invitation, afterwards.
 */
export function request(ctx: Context): LambdaRequest {
  const input = ctx.arguments.input;
  normalEmail(input.email);
  const fullName: string = input.fullName.trim();
  if (fullName.length === 0) refuseInput('The full name cannot be empty.');
  if (fullName.length > 256) refuseInput('The full name is at most 256 characters.');
  if (input.phoneNumber && !util.matches('\\+[1-9]\\d{6,14}', input.phoneNumber)) {
    refuseInput('Use E.164 phone numbers, such as +447700900123.');
  }
  return eventRequest(ctx);
}

export function response(ctx: Context): unknown {
  assertQueued(ctx);
  return { userId: null, email: normalEmail(ctx.arguments.input.email), status: 'CREATED' };
}
