import type { Context } from 'aws-lambda';
import type { z } from 'zod/mini';
import { GatewayError, messages, toGatewayError } from './errors';
import type { GatewayEvent, GatewayFailure, GatewayResult } from './event';
import { framesOf, logger } from './logger';
import { operations, type OperationField } from '../../operations';

export interface OperationContext {
  /** The caller's access token; present whenever operations.ts marks the operation `token: true`. */
  accessToken: string;
  requestId: string;
}

export interface OperationSpec<S extends z.ZodMiniType, R> {
  /** Rules for the field's `input` argument (operations without one use `z.object({})`). */
  input: S;
  run(input: z.output<S>, context: OperationContext): Promise<R>;
}

/**
 * Wraps one operation into a Lambda handler: validates input, refuses a token operation without a
 * token before any AWS request, runs it, and turns every failure into a typed GatewayFailure.
 * Logs carry the field, the outcome and the duration only.
 */
export function defineOperation<S extends z.ZodMiniType, R>(field: OperationField, spec: OperationSpec<S, R>) {
  const needsToken = operations.find((op) => op.field === field)?.token ?? true;
  return async (event: GatewayEvent, context?: Pick<Context, 'awsRequestId'>): Promise<GatewayResult<R>> => {
    const requestId = context?.awsRequestId ?? 'local';
    const started = Date.now();
    try {
      const parsed = spec.input.safeParse(event.arguments?.input ?? {});
      if (!parsed.success) {
        throw new GatewayError('ValidationError', parsed.error.issues.map((issue) => issue.message).join(' '));
      }
      const accessToken = event.accessToken?.trim() ?? '';
      if (needsToken && !accessToken) {
        throw new GatewayError('NotAuthorized', messages.noToken);
      }
      const data = await spec.run(parsed.data, { accessToken, requestId });
      logger.info('operation succeeded', { field, requestId, durationMs: Date.now() - started });
      return { data };
    } catch (err) {
      return failureOf(err, field, requestId, started);
    }
  };
}

/** Logs a failure by its type only and turns it into the answer the resolver expects. */
export function failureOf(err: unknown, field: string, requestId: string, started: number): { error: GatewayFailure } {
  const failure = toGatewayError(err);
  const details = {
    field,
    requestId,
    durationMs: Date.now() - started,
    errorType: failure.errorType,
    cause: err === failure ? undefined : (err as { name?: string })?.name,
  };
  if (failure.errorType === 'InternalError') {
    logger.error('operation failed', { ...details, frames: framesOf(err) });
    return { error: { errorType: failure.errorType, message: `${failure.message} Request id: ${requestId}.`, requestId } };
  }
  logger.warn('operation failed', details);
  return { error: { errorType: failure.errorType, message: failure.message } };
}
