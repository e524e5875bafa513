import { describe, expect, it, vi } from 'vitest';
import { FUNCTION_MEMORY_MB, FUNCTION_TIMEOUT_SECONDS } from '../../../lambdaLimits';
import { FUNCTION_TIMEOUT_MS, inProcessRuntime, type Handler } from '../../../local/appsync/lambda';

// A function that never answers, and one that reports the limits its Lambda context gives it.
const handlers: Record<string, Handler> = {
  updateProfile: () => new Promise(() => undefined),
  logout: async (_event, context) => ({ memory: context.memoryLimitInMB, remaining: context.getRemainingTimeInMillis() }),
};
const functions = inProcessRuntime(async (field) => handlers[field]!);

describe('Lambda limits offline', () => {
  it('uses the timeout CDK deploys', () => {
    expect(FUNCTION_TIMEOUT_MS).toBe(FUNCTION_TIMEOUT_SECONDS * 1000);
  });

  it('fails a function that overruns its timeout as Lambda does: Lambda:Unhandled, "Task timed out"', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const outcome = await functions.invoke('updateProfile', {}, 40);
    expect(outcome).toEqual({ result: null, error: { type: 'Lambda:Unhandled', message: 'Task timed out after 0.04 seconds' } });
    logged.mockRestore();
  });

  it("gives the handler the deployed memory size and the time left of the deployed timeout", async () => {
    const { result } = await functions.invoke('logout', {});
    expect(result).toEqual({ memory: String(FUNCTION_MEMORY_MB), remaining: expect.any(Number) });
    const { remaining } = result as { remaining: number };
    expect(remaining).toBeLessThanOrEqual(FUNCTION_TIMEOUT_MS);
    expect(remaining).toBeGreaterThan(FUNCTION_TIMEOUT_MS - 5000);
  });
});
