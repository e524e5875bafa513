import { afterEach, describe, expect, it, vi } from 'vitest';
import { inProcessRuntime } from '../../../local/appsync/lambda';
import { useRuntime } from './runtime';

// A login function that crashes the way a Lambda function does when its code throws outside defineOperation.
const crashing = inProcessRuntime(async () => async () => {
  throw new Error('Task exploded at internal-host:5432');
});

const { post } = useRuntime(undefined, crashing);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a function that throws', () => {
  it('reaches the resolver as a Lambda:Unhandled error, which hides its message', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await post('mutation login($input: LoginInput!) { login(input: $input) { verificationType } }', {
      input: { email: 'secret-person@example.com', password: 'Secret Person 1!' },
    });
    const body = await res.json();
    expect(body).toEqual({
      data: null,
      errors: [expect.objectContaining({ path: ['login'], errorType: 'InternalError', data: null })],
    });
    expect(JSON.stringify(body)).not.toContain('internal-host');
    // The log names the function and its error, as CloudWatch would, and never the event.
    const lines = logged.mock.calls.map((args) => args.join(' ')).join('\n');
    expect(lines).toContain('functions/login.ts failed: Error: Task exploded');
    expect(lines).not.toContain('secret-person');
  });
});
