import { afterAll, describe, expect, it, vi } from 'vitest';
import { WorkerFunctionRuntime } from '../../local/lambda/workers';

/** The worker runtime alone: functions/logout.ts, given no token, answers without calling anything. */
const runtime = new WorkerFunctionRuntime({
  environmentOf: () => ({ AWS_REGION: 'eu-west-1', LOG_LEVEL: 'SILENT', METRICS_DISABLED: 'true', USER_POOL_ID: 'eu-west-1_x', USER_POOL_CLIENT_ID: 'c' }),
  region: 'eu-west-1',
  accountId: '000000000000',
});
afterAll(() => runtime.close());

describe('functions in workers', () => {
  it('answers over the wire, and the warm environment answers the next event the same', async () => {
    const first = await runtime.invoke('logout', { arguments: {} });
    expect(first.error).toBeUndefined();
    // The token flag built into the bundle from operations.ts: refused before any call.
    expect(first.result).toMatchObject({ error: { errorType: 'NotAuthorized' } });
    expect(await runtime.invoke('logout', { arguments: {} })).toEqual(first);
  });

  it('ends an environment that overruns its timeout, answering as Lambda does, and the next event gets a new one', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // Far less than loading a bundle takes: the event cannot finish in time.
    runtime.recycle();
    const outcome = await runtime.invoke('logout', { arguments: {} }, 1);
    expect(outcome).toEqual({ result: null, error: { type: 'Lambda:Unhandled', message: 'Task timed out after 0.00 seconds' } });
    logged.mockRestore();
    const next = await runtime.invoke('logout', { arguments: {} });
    expect(next.error).toBeUndefined();
  });
});
