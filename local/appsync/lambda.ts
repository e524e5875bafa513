import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { FUNCTION_MEMORY_MB, FUNCTION_TIMEOUT_SECONDS } from '../../lambdaLimits';
import { lambdaContext, overTheWire } from '../lambda/context';

/**
 * Invokes `functions/<field>.ts` in this process the way AppSync invokes the deployed Lambda
 * function: the payload and the result cross a JSON boundary, the handler gets a Lambda context,
 * and a handler that throws or runs out of time becomes `ctx.error` of type Lambda:Unhandled.
 */

/** Past this the invocation is abandoned, as Lambda ends it: the deployed function's own timeout. */
export const FUNCTION_TIMEOUT_MS = FUNCTION_TIMEOUT_SECONDS * 1000;

export type Handler = (event: unknown, context: Context) => unknown;

/** Where a handler comes from: `functions/<field>.ts` unless a test gives its own. */
export type HandlerLoader = (field: string) => Promise<Handler>;

export type Invocation = { result: unknown; error?: undefined } | { result: null; error: { message: string; type: string } };

export { overTheWire };

const loadHandler: HandlerLoader = async (field) => {
  const module = (await import(`../../functions/${field}.ts`)) as { handler?: unknown };
  if (typeof module.handler !== 'function') throw new Error(`functions/${field}.ts exports no handler function.`);
  return module.handler as Handler;
};

function contextOf(field: string, deadline: number): Context {
  const functionName = `local-${field}`;
  const region = process.env.AWS_REGION ?? 'us-east-1';
  return lambdaContext(
    {
      functionName,
      invokedFunctionArn: `arn:aws:lambda:${region}:000000000000:function:${functionName}`,
      memoryLimitInMB: String(FUNCTION_MEMORY_MB),
      awsRequestId: randomUUID(),
    },
    () => deadline - Date.now(),
  );
}

function timeout(ms: number): { promise: Promise<never>; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Task timed out after ${(ms / 1000).toFixed(2)} seconds`)), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

/** How the local AppSync invokes functions: in this process (below) or each in its own worker (local/lambda/workers.ts). */
export interface FunctionRuntime {
  invoke(field: string, payload: unknown, timeoutMs?: number): Promise<Invocation>;
  /** An `Event` invocation: never awaited by the request that made it. */
  invokeAsync(field: string, payload: unknown, timeoutMs?: number): void;
}

export async function invokeFunction(field: string, payload: unknown, timeoutMs = FUNCTION_TIMEOUT_MS, load = loadHandler): Promise<Invocation> {
  const limit = timeout(timeoutMs);
  try {
    const handler = await load(field);
    const context = contextOf(field, Date.now() + timeoutMs);
    const result = await Promise.race([handler(overTheWire(payload), context), limit.promise]);
    return { result: overTheWire(result) };
  } catch (err) {
    const { name = 'Error', message = String(err) } = (err ?? {}) as { name?: string; message?: string };
    // What the function's log would show on CloudWatch: which function failed and why, never the event.
    console.error(`functions/${field}.ts failed: ${name}: ${message}`);
    return { result: null, error: { message, type: 'Lambda:Unhandled' } };
  } finally {
    limit.cancel();
  }
}

/** Asynchronous invocations still running, so a test or a clean stop can wait for them. */
const running = new Set<Promise<void>>();

/**
 * Runs an `Event` invocation after the current request has been answered, never awaited by it.
 * As with Lambda's asynchronous invocation, what the function returns goes nowhere; a failure it
 * reports is logged by type only (the function has logged its own details).
 */
export function trackAsync(field: string, invoke: () => Promise<Invocation>): void {
  const done = new Promise<void>((resolve) => setImmediate(resolve))
    .then(invoke)
    .then(({ result }) => {
      const errorType = (result as { error?: { errorType?: unknown } } | null)?.error?.errorType;
      if (typeof errorType === 'string') console.error(`functions/${field}.ts (asynchronous) answered ${errorType}.`);
    })
    .catch((err: unknown) => console.error(`functions/${field}.ts (asynchronous) failed: ${(err as Error)?.name ?? 'Error'}`))
    .finally(() => running.delete(done));
  running.add(done);
}

/**
 * Functions imported into this process and sharing its environment: for tests that mock the SDK,
 * or that give handlers of their own (`load`) to see how the runtime treats one that fails.
 */
export function inProcessRuntime(load = loadHandler): FunctionRuntime {
  return {
    invoke: (field, payload, timeoutMs) => invokeFunction(field, payload, timeoutMs, load),
    invokeAsync: (field, payload, timeoutMs) => trackAsync(field, () => invokeFunction(field, payload, timeoutMs, load)),
  };
}

export const inProcessFunctions = inProcessRuntime();

/** Resolves once every asynchronous invocation started so far (by any runtime), and any they started, has finished. */
export async function asyncInvocationsSettled(): Promise<void> {
  while (running.size > 0) await Promise.all([...running]);
}
