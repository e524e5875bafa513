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

export function request(ctx: Context): LambdaRequest {
  const payload: GatewayEvent = {
    field: ctx.info.fieldName,
    arguments: ctx.arguments,
    accessToken: accessTokenOf(ctx),
  };
  return { operation: 'Invoke', payload };
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
