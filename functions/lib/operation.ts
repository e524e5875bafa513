import type { Context } from 'aws-lambda';
import type * as v from 'valibot';
import { awsCallsSoFar, withAwsCalls } from './awsCalls';
import { errorName, GatewayError, messages, toGatewayError } from './errors';
import type { GatewayEvent, GatewayFailure, GatewayResult } from './event';
import { framesOf } from './frames';
import { logger } from './logger';
import { recordOperation } from './metrics';
import type { OperationField } from '../../operations';
import { parseInput, type Rules } from './validate';

/** Set by the build (OPERATIONS_WITHOUT_TOKEN in infra/functionSettings.ts); unset when run from source. */
declare const OPERATIONS_WITHOUT_TOKEN: string | undefined;

/**
 * The fields operations.ts marks `token: false`. A bundle gets them as a build-time string, and
 * esbuild drops the import below with its dead branch, so no function carries the whole table; run
 * from source (tests, the in-process runtime), the table itself is read.
 */
const withoutToken: readonly string[] =
  typeof OPERATIONS_WITHOUT_TOKEN === 'string'
    ? OPERATIONS_WITHOUT_TOKEN.split(',')
    : (await import('../../operations')).operations.filter((op) => !op.token).map((op) => op.field);

export interface OperationContext {
  /** The caller's access token; present whenever operations.ts marks the operation `token: true`. */
  accessToken: string;
  requestId: string;
}

export interface OperationSpec<S extends Rules, R> {
  /** Rules for the field's `input` argument (operations without one use `v.object({})`). */
  input: S;
  run(input: v.InferOutput<S>, context: OperationContext): Promise<R>;
  /** A success is also counted as the `AccountRecoveries` metric. */
  countsAsRecovery?: boolean;
}

/**
 * Wraps one operation into a Lambda handler: validates input, refuses a token operation without a
 * token before any AWS request, runs it, and turns every failure into a typed GatewayFailure.
 * Logs carry the field, the outcome, the duration and each backend call's command and duration
 * only; the outcome is counted as a metric (functions/lib/metrics.ts).
 */
export function defineOperation<S extends Rules, R>(field: OperationField, spec: OperationSpec<S, R>) {
  const needsToken = !withoutToken.includes(field);
  return async (event: GatewayEvent, context?: Pick<Context, 'awsRequestId'>): Promise<GatewayResult<R>> => {
    const requestId = context?.awsRequestId ?? 'local';
    const started = Date.now();
    return withAwsCalls(async () => {
      try {
        const parsed = parseInput(spec.input, event.arguments?.input ?? {});
        const accessToken = event.accessToken?.trim() ?? '';
        if (needsToken && !accessToken) {
          throw new GatewayError('NotAuthorized', messages.noToken);
        }
        const data = await spec.run(parsed, { accessToken, requestId });
        succeeded(field, requestId, started, { recovery: spec.countsAsRecovery });
        return { data };
      } catch (err) {
        return failureOf(err, field, requestId, started);
      }
    });
  };
}

/** Logs and counts a success. */
export function succeeded(field: string, requestId: string, started: number, options: { recovery?: boolean } = {}): void {
  logger.info('operation succeeded', { field, requestId, durationMs: Date.now() - started, awsCalls: awsCallsSoFar() });
  recordOperation({ operation: field, outcome: 'Success', recovery: options.recovery });
}

/** Logs a failure by its type only, counts it, and turns it into the answer the resolver expects. */
export function failureOf(err: unknown, field: string, requestId: string, started: number): { error: GatewayFailure } {
  const failure = toGatewayError(err);
  const details = {
    field,
    requestId,
    durationMs: Date.now() - started,
    errorType: failure.errorType,
    cause: err === failure ? undefined : errorName(err),
    awsCalls: awsCallsSoFar(),
  };
  // Cognito's lockout and a throttle both answer TooManyRequests; the message tells them apart.
  recordOperation({ operation: field, outcome: failure.errorType, lockout: failure.message === messages.lockout });
  if (failure.errorType === 'InternalError') {
    logger.error('operation failed', { ...details, frames: framesOf(err) });
    return { error: { errorType: failure.errorType, message: `${failure.message} Request id: ${requestId}.`, requestId } };
  }
  logger.warn('operation failed', details);
  return { error: { errorType: failure.errorType, message: failure.message } };
}
