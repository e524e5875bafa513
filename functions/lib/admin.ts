import type { Context } from 'aws-lambda';
import type * as v from 'valibot';
import type { AdminOperationField } from '../../operations';
import { writeAuditRecord } from './audit';
import { GatewayError, isAwsError } from './errors';
import type { GatewayEvent, GatewayResult } from './event';
import { withAwsCalls } from './awsCalls';
import { failureOf, succeeded } from './operation';
import { parseInput, type Rules } from './validate';

export interface AdminContext {
  requestId: string;
  /** The IAM ARN that signed the request. */
  caller: string;
  /** Names the user (and group) the call acts on, for the audit record. */
  actingOn(target: { userId?: string; group?: string }): void;
}

export interface AdminOperationSpec<S extends Rules, R> {
  /** Rules for the field's arguments (admin fields take them at the top level, not in `input`). */
  args: S;
  run(args: v.InferOutput<S>, context: AdminContext): Promise<R>;
}

/**
 * What an operator may be told and a user may not: whether an account or a group exists, and why
 * Cognito refused. Checked before the shared mapping, which hides these from users.
 */
const ADMIN_ERRORS: ReadonlyArray<readonly [string, GatewayError]> = [
  ['UserNotFoundException', new GatewayError('UserNotFound', 'No user has this e-mail address.')],
  ['ResourceNotFoundException', new GatewayError('GroupNotFound', 'There is no group with this name.')],
  ['GroupExistsException', new GatewayError('GroupAlreadyExists', 'A group with this name already exists.')],
  [
    'UnsupportedUserStateException',
    new GatewayError('InvalidUserState', "The user's account is not in a state that allows this (for example, already confirmed)."),
  ],
];

function adminError(err: unknown): unknown {
  const known = ADMIN_ERRORS.find(([name]) => isAwsError(err, [name]));
  return known ? known[1] : err;
}

/**
 * Wraps one admin operation: refuses a call without an IAM caller before any AWS request,
 * validates the arguments, runs it, and writes one audit record whatever the outcome.
 */
export function defineAdminOperation<S extends Rules, R>(field: AdminOperationField, spec: AdminOperationSpec<S, R>) {
  return async (event: GatewayEvent, context?: Pick<Context, 'awsRequestId'>): Promise<GatewayResult<R>> => {
    const requestId = context?.awsRequestId ?? 'local';
    const started = Date.now();
    const caller = event.caller?.trim() ?? '';
    const target: { userId?: string; group?: string } = {};
    const audit = (outcome: 'success' | 'failure', errorType?: string) =>
      writeAuditRecord({ operation: field, caller: caller || 'unknown', ...target, outcome, errorType, requestId });
    return withAwsCalls(async () => {
      try {
        // AppSync lets only IAM-signed requests reach this field; refuse anything else all the same.
        if (!caller) throw new GatewayError('NotAuthorized', 'Admin operations need a request signed with IAM credentials.');
        const parsed = parseInput(spec.args, event.arguments ?? {});
        const data = await spec.run(parsed, { requestId, caller, actingOn: (t) => Object.assign(target, t) });
        succeeded(field, requestId, started);
        audit('success');
        return { data };
      } catch (err) {
        const result = failureOf(adminError(err), field, requestId, started);
        audit('failure', result.error.errorType);
        return result;
      }
    });
  };
}
