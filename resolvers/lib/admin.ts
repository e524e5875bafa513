import type { AppSyncIdentityIAM, Context, LambdaRequest } from '@aws-appsync/utils';
import type { GatewayEvent } from '../../functions/lib/event';

/**
 * Admin fields are served like the others (see lambda.ts), but AppSync has authorized them with
 * IAM: the Authorization header is a SigV4 signature, not a user's token, so none is passed on.
 * The signer's ARN is, for the function's audit trail.
 */
export function request(ctx: Context): LambdaRequest {
  const identity = ctx.identity as AppSyncIdentityIAM | null | undefined;
  const payload: GatewayEvent = {
    field: ctx.info.fieldName,
    arguments: ctx.arguments,
    caller: identity && identity.userArn ? identity.userArn : null,
  };
  return { operation: 'Invoke', payload };
}

export { response } from './lambda';
