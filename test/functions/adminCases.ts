import {
  AdminGetUserCommand,
  type CognitoIdentityProviderClientResolvedConfig,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from '@aws-sdk/client-cognito-identity-provider';
import type { AwsStub } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import type { GatewayEvent, GatewayResult } from '../../functions/lib/event';
import { adminEvent, adminGetUserAnswer, auditRecordsOf, awsError, lambdaContext, OPERATOR_ARN, TEST_ENV } from '../helpers';

type Handler = (event: GatewayEvent, context: typeof lambdaContext) => Promise<GatewayResult<unknown>>;
type CognitoStub = AwsStub<ServiceInputTypes, ServiceOutputTypes, CognitoIdentityProviderClientResolvedConfig>;

/**
 * What every admin action on one user must do besides its own calls: look the user up by e-mail
 * first, stop there for an unknown one, refuse a call without an IAM caller or with a bad e-mail
 * before any AWS request, and write one audit record naming the caller, the operation and the user.
 */
export function userActionCases(args: {
  field: string;
  handler: Handler;
  cognito: CognitoStub;
  /** Sets up every other call to succeed. */
  arrange: () => void;
  extraArgs?: Record<string, unknown>;
}): void {
  const { field, handler, cognito } = args;
  const call = (extra: Record<string, unknown> = {}, caller?: string | null) =>
    handler(adminEvent(field, { email: 'ada@example.com', ...args.extraArgs, ...extra }, caller), lambdaContext);

  it('looks the user up by e-mail first', async () => {
    args.arrange();
    await call();
    expect(cognito.commandCalls(AdminGetUserCommand)[0]!.args[0].input).toEqual({
      UserPoolId: TEST_ENV.USER_POOL_ID,
      Username: 'ada@example.com',
    });
  });

  it('answers UserNotFound for an unknown e-mail and changes nothing', async () => {
    args.arrange();
    cognito.on(AdminGetUserCommand).rejects(awsError('UserNotFoundException', 'User does not exist.'));
    const result = await call();
    expect(result.error).toEqual({ errorType: 'UserNotFound', message: 'No user has this e-mail address.' });
    expect(cognito.calls()).toHaveLength(1);
  });

  it('refuses a call without an IAM caller before any AWS request', async () => {
    args.arrange();
    const result = await call({}, null);
    expect(result.error?.errorType).toBe('NotAuthorized');
    expect(cognito.calls()).toHaveLength(0);
  });

  it('refuses a malformed e-mail before any AWS request', async () => {
    args.arrange();
    const result = await call({ email: 'not-an-address' });
    expect(result.error?.errorType).toBe('ValidationError');
    expect(cognito.calls()).toHaveLength(0);
  });

  it('writes one audit record with the caller, the operation and the user id', async () => {
    args.arrange();
    const records = await auditRecordsOf(() => call());
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ audit: 'admin', operation: field, caller: OPERATOR_ARN, userId: 'uuid-1', outcome: 'success', AdminCall: 1 });
    expect(JSON.stringify(records[0])).not.toContain('ada@example.com');
  });

  it('audits a failure with its error type', async () => {
    args.arrange();
    cognito.on(AdminGetUserCommand).rejects(awsError('UserNotFoundException'));
    const records = await auditRecordsOf(() => call());
    expect(records).toEqual([expect.objectContaining({ operation: field, outcome: 'failure', errorType: 'UserNotFound' })]);
  });
}

export function answerAdminGetUser(cognito: CognitoStub, overrides: Record<string, unknown> = {}): void {
  cognito.on(AdminGetUserCommand).resolves(adminGetUserAnswer(overrides) as never);
}

/**
 * An admin action that makes one Cognito call after AdminGetUser: that call with exactly its
 * parameters, its answer, its throttling mapped, and every userActionCases case.
 */
interface OneCallAction {
  field: string;
  handler: Handler;
  cognito: CognitoStub;
  /** The Cognito command class, e.g. AdminEnableUserCommand. */
  command: new (input: never) => object;
  action: string;
  does: string;
}

/** AdminGetUser finds the user and the action's one command succeeds. */
const arrangeOneCall = ({ cognito, command }: OneCallAction) => () => {
  answerAdminGetUser(cognito);
  cognito.on(command as never).resolves({});
};

export function singleCallAction(args: OneCallAction & {
  /** The call's parameters besides the pool and the username. */
  parameters?: Record<string, unknown>;
}): void {
  const { field, handler, cognito, command } = args;
  const arrange = arrangeOneCall(args);
  const call = () => handler(adminEvent(field, { email: 'ada@example.com' }), lambdaContext);

  describe(field, () => {
    it(args.does, async () => {
      arrange();
      expect(await call()).toEqual({ data: { userId: 'uuid-1', email: 'ada@example.com', action: args.action } });
      expect(cognito.calls().map((c) => c.args[0].constructor.name)).toEqual(['AdminGetUserCommand', command.name]);
      expect(cognito.commandCalls(command as never)[0]!.args[0].input).toEqual({
        UserPoolId: TEST_ENV.USER_POOL_ID,
        Username: 'uuid-1',
        ...args.parameters,
      });
    });

    it('maps Cognito throttling to TooManyRequests', async () => {
      arrange();
      cognito.on(command as never).rejects(awsError('TooManyRequestsException'));
      expect((await call()).error).toEqual({ errorType: 'TooManyRequests', message: 'Too many requests. Wait a moment and try again.' });
    });

    userActionCases({ field, handler, cognito, arrange });
  });
}

/** adminAddUserToGroup and adminRemoveUserFromGroup: the same shape, one Cognito call each. */
export function membershipAction(args: OneCallAction): void {
  const { field, handler, cognito, command } = args;
  const arrange = arrangeOneCall(args);
  const call = (group = 'support') => handler(adminEvent(field, { email: 'ada@example.com', group }), lambdaContext);

  describe(field, () => {
    it(args.does, async () => {
      arrange();
      expect(await call()).toEqual({ data: { userId: 'uuid-1', email: 'ada@example.com', action: args.action, group: 'support' } });
      expect(cognito.commandCalls(command as never)[0]!.args[0].input).toEqual({
        UserPoolId: TEST_ENV.USER_POOL_ID,
        Username: 'uuid-1',
        GroupName: 'support',
      });
    });

    it('answers GroupNotFound for an unknown group', async () => {
      arrange();
      cognito.on(command as never).rejects(awsError('ResourceNotFoundException', 'Group not found.'));
      expect((await call()).error).toEqual({ errorType: 'GroupNotFound', message: 'There is no group with this name.' });
    });

    it('refuses a group name with spaces before any AWS request', async () => {
      arrange();
      expect((await call('two words')).error?.errorType).toBe('ValidationError');
      expect(cognito.calls()).toHaveLength(0);
    });

    it('names the group in the audit record', async () => {
      arrange();
      const [record] = await auditRecordsOf(() => call());
      expect(record).toMatchObject({ userId: 'uuid-1', group: 'support' });
    });

    userActionCases({ field, handler, cognito, arrange, extraArgs: { group: 'support' } });
  });
}
