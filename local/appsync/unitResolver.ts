import type { ResolverContext } from './context';
import { invokeFunction, overTheWire } from './lambda';
import { CODE_FILE, type ResolverCode } from './resolverCode';
import { EarlyReturn, evaluate, ResolverError, type Evaluation } from './util';

/**
 * One field, resolved as an APPSYNC_JS unit resolver on a Lambda data source:
 * request(ctx) → Invoke functions/<field>.ts → response(ctx).
 */

type Outcome = { value: unknown } | { early: unknown };

/** A mistake in resolver code: AppSync reports it with errorType Code and the place in code.js. */
function codeError(err: unknown): ResolverError {
  const { name = 'Error', message = String(err), stack = '' } = (err ?? {}) as { name?: string; message?: string; stack?: string };
  const place = new RegExp(`${CODE_FILE.replace('.', '\\.')}:\\d+:\\d+`).exec(stack)?.[0] ?? CODE_FILE;
  return new ResolverError(`${place}: ${name}: ${message}`, 'Code');
}

function runHandler(evaluation: Evaluation, handler: () => unknown): Outcome {
  try {
    return { value: evaluate(evaluation, handler) };
  } catch (err) {
    if (err instanceof EarlyReturn) return { early: err.value };
    if (err instanceof ResolverError) throw err;
    throw codeError(err);
  }
}

function lambdaRequestOf(value: unknown): { payload: unknown } {
  const request = (value ?? {}) as { operation?: unknown; payload?: unknown; invocationType?: unknown };
  if (request.operation !== 'Invoke') {
    const detail = request.operation === 'BatchInvoke' ? ' BatchInvoke is not supported locally.' : '';
    throw new ResolverError(`Value for field '$[operation]' not found.${detail}`, 'MappingTemplate');
  }
  if (request.invocationType !== undefined && request.invocationType !== 'RequestResponse') {
    throw new ResolverError('Only RequestResponse invocations are supported locally.', 'MappingTemplate');
  }
  return { payload: request.payload };
}

/** Resolves the field; util.appendError entries are left in `evaluation.appended` for the caller. */
export async function runUnitResolver(
  field: string,
  code: ResolverCode,
  ctx: ResolverContext,
  evaluation: Evaluation,
): Promise<unknown> {
  const requested = runHandler(evaluation, () => code.request(ctx));
  // runtime.earlyReturn in the request handler skips the data source and the response handler.
  if ('early' in requested) return overTheWire(requested.early);

  const { payload } = lambdaRequestOf(requested.value);
  const invocation = await invokeFunction(field, payload);
  ctx.result = invocation.result;
  if (invocation.error) ctx.error = invocation.error;

  const responded = runHandler(evaluation, () => code.response(ctx));
  return overTheWire('early' in responded ? responded.early : responded.value);
}
