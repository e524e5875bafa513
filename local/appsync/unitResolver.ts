import type { ResolverContext } from './context';
import { dataSourceOf, invocationOf, type Invocation } from '../../operations';
import type { Backends } from './execute';
import { httpRequestOf } from './httpDataSource';
import { overTheWire, type FunctionRuntime } from './lambda';
import { CODE_FILE, type ResolverCode } from './resolverCode';
import { EarlyReturn, evaluate, ResolverError, type Evaluation } from './util';

/**
 * One field, resolved as an APPSYNC_JS unit resolver on the data source its row in operations.ts
 * names: request(ctx) → Invoke functions/<field>.ts, or one HTTP request to Cognito → response(ctx).
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

function lambdaRequestOf(field: string, value: unknown): { payload: unknown; invocationType: Invocation } {
  const request = (value ?? {}) as { operation?: unknown; payload?: unknown; invocationType?: unknown };
  if (request.operation !== 'Invoke') {
    const detail = request.operation === 'BatchInvoke' ? ' BatchInvoke is not supported locally.' : '';
    throw new ResolverError(`Value for field '$[operation]' not found.${detail}`, 'MappingTemplate');
  }
  const invocationType = request.invocationType ?? 'RequestResponse';
  if (invocationType !== 'RequestResponse' && invocationType !== 'Event') {
    throw new ResolverError(`Value for field '$[invocationType]' must be RequestResponse or Event.`, 'MappingTemplate');
  }
  // The table is what CDK and the docs promise; a resolver that invokes otherwise is a mistake.
  if (invocationType !== invocationOf(field)) {
    throw new ResolverError(
      `resolvers/${field}.ts invokes with ${invocationType}, but operations.ts says ${invocationOf(field)}.`,
      'MappingTemplate',
    );
  }
  return { payload: request.payload, invocationType };
}

/** Resolves the field; util.appendError entries are left in `evaluation.appended` for the caller. */
export async function runUnitResolver(
  field: string,
  code: ResolverCode,
  ctx: ResolverContext,
  evaluation: Evaluation,
  backends: Pick<Backends, 'http' | 'functions'>,
): Promise<unknown> {
  const requested = runHandler(evaluation, () => code.request(ctx));
  // runtime.earlyReturn in the request handler skips the data source and the response handler.
  if ('early' in requested) return overTheWire(requested.early);

  const kind = dataSourceOf(field);
  if (kind === 'lambda') await invokeLambda(field, requested.value, ctx, backends.functions);
  else {
    // A status of 4xx or 5xx is a result too; ctx.error only when no answer came.
    const outcome = await backends.http.send(kind, httpRequestOf(requested.value));
    ctx.result = outcome.result;
    if (outcome.error) ctx.error = outcome.error;
  }

  const responded = runHandler(evaluation, () => code.response(ctx));
  return overTheWire('early' in responded ? responded.early : responded.value);
}

async function invokeLambda(field: string, request: unknown, ctx: ResolverContext, functions: FunctionRuntime): Promise<void> {
  const { payload, invocationType } = lambdaRequestOf(field, request);
  if (invocationType === 'Event') {
    // Queued, not awaited: the response handler sees no result, and the function's outcome goes to its log only.
    functions.invokeAsync(field, payload);
    ctx.result = null;
  } else {
    const invocation = await functions.invoke(field, payload);
    ctx.result = invocation.result;
    if (invocation.error) ctx.error = invocation.error;
  }
}
