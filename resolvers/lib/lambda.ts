import { util, type Context, type LambdaRequest } from '@aws-appsync/utils';
import type { GatewayEvent, GatewayResult } from '../../functions/lib/event';
import { accessTokenOf } from './accessToken';

/**
 * Fields served by a function (data source `lambda` in operations.ts): hand the field name, its arguments and the caller's access
 * token to the field's Lambda function, and turn a typed failure into a GraphQL error. All logic
 * lives in the function; this code runs on the APPSYNC_JS runtime.
 */

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

export { normalEmail, refuseInput } from './input';

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
