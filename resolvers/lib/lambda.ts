import { util, type Context, type LambdaRequest } from '@aws-appsync/utils';
import type { GatewayEvent, GatewayResult } from '../../functions/lib/event';

/**
 * Every field is served the same way: hand the field name, its arguments and the caller's access
 * token to the field's Lambda function, and turn a typed failure into a GraphQL error. All logic
 * lives in the function; this code runs on the APPSYNC_JS runtime.
 */

/** The `accessToken` argument wins over the Authorization header (`Bearer <token>` or bare). */
function accessTokenOf(ctx: Context): string | null {
  const argument = ctx.arguments.accessToken;
  if (argument) return argument;
  const header: string | undefined = ctx.request.headers.authorization;
  if (!header) return null;
  const value = header.trim();
  return value.toLowerCase().startsWith('bearer ') ? value.slice(7).trim() : value;
}

function payloadOf(ctx: Context): GatewayEvent {
  return { field: ctx.info.fieldName, arguments: ctx.arguments, accessToken: accessTokenOf(ctx) };
}

export function request(ctx: Context): LambdaRequest {
  return { operation: 'Invoke', payload: payloadOf(ctx) };
}

/**
 * For operations whose row in operations.ts says `invocation: 'Event'`: AppSync hands the event to
 * Lambda's queue and does not wait for the function
 * (https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-lambda-js.html,
 * "Invocation type"), so the response handler answers a fixed result.
 */
export function eventRequest(ctx: Context): LambdaRequest {
  return { operation: 'Invoke', invocationType: 'Event', payload: payloadOf(ctx) };
}

/** The input check the function would make, made here so a malformed request still hears why. */
export function refuseInput(message: string): never {
  return util.error(message, 'ValidationError');
}

/**
 * The functions' own e-mail rule (functions/lib/validate.ts), stricter than AWSEmail: the host
 * needs a dot and a top-level domain of letters.
 */
const EMAIL = "(?:[A-Za-z0-9_'+\\-]+\\.)*[A-Za-z0-9_'+\\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\\-]*\\.)+[A-Za-z]{2,}";

/** The address as the function keys it, trimmed and lower-cased, refused as the function would refuse it. */
export function normalEmail(value: string): string {
  const address = value.trim().toLowerCase();
  if (address.length > 254) refuseInput('The e-mail address is too long.');
  if (!util.matches(EMAIL, address)) refuseInput('Enter a valid e-mail address.');
  return address;
}

/** An Event invocation that AppSync could not hand to Lambda (throttled, for instance). */
export function assertQueued(ctx: Context): void {
  if (ctx.error) util.error('The request could not be completed. Try again later.', 'InternalError');
}

export function response(ctx: Context): unknown {
  if (ctx.error) {
    // The function itself crashed or timed out: its message may be internal, so it is not shown.
    util.error('The request could not be completed. Try again later.', 'InternalError');
  }
  const result = ctx.result as GatewayResult<unknown>;
  if (result.error) {
    const info = result.error.requestId ? { requestId: result.error.requestId } : null;
    util.error(result.error.message, result.error.errorType, null, info);
  }
  return result.data;
}
