import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import type { CognitoContext } from './context';
import type { PoolRecord, UserRecord } from './state';

/** The Lambda triggers the offline pool runs, in process, as Cognito runs the deployed ones. */
export interface Triggers {
  postConfirmation?: (event: PostConfirmationTriggerEvent) => Promise<unknown>;
}

/**
 * Cognito invokes the PostConfirmation trigger after ConfirmForgotPassword (trigger source
 * `PostConfirmation_ConfirmForgotPassword`) with the user's attributes, and only answers the call
 * once the trigger has returned. See "Post confirmation Lambda trigger" in the Cognito developer
 * guide (cognito-user-identity-pools-working-with-aws-lambda-triggers / user-pool-lambda-post-confirmation).
 * The trigger may call the pool's own API back, so it runs once this call's changes are saved.
 */
export async function runPostConfirmation(
  ctx: CognitoContext,
  args: { pool: PoolRecord; user: UserRecord; clientId: string; triggerSource: PostConfirmationTriggerEvent['triggerSource'] },
): Promise<void> {
  const trigger = ctx.triggers?.postConfirmation;
  if (!trigger) return;
  const event: PostConfirmationTriggerEvent = {
    version: '1',
    region: ctx.region,
    userPoolId: args.pool.id,
    triggerSource: args.triggerSource,
    userName: args.user.username,
    callerContext: { awsSdkVersion: 'local', clientId: args.clientId },
    request: { userAttributes: { ...args.user.attributes } },
    response: {},
  };
  const run = async () => {
    await trigger(event);
  };
  await (ctx.afterCall ? ctx.afterCall(run) : run());
}
