import { afterEach, describe, expect, it, vi } from 'vitest';
import { useRuntime } from './runtime';

// A function that crashes the way a Lambda function does when its code throws outside defineOperation.
vi.mock('../../../functions/createUser', () => ({
  handler: async () => {
    throw new Error('Task exploded at internal-host:5432');
  },
}));

const { post } = useRuntime();

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a function that throws', () => {
  it('reaches the resolver as a Lambda:Unhandled error, which hides its message', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await post('mutation createUser($input: CreateUserInput!) { createUser(input: $input) { userId } }', {
      input: { email: 'secret-person@example.com', fullName: 'Secret Person' },
    });
    const body = await res.json();
    expect(body).toEqual({
      data: null,
      errors: [expect.objectContaining({ path: ['createUser'], errorType: 'InternalError', data: null })],
    });
    expect(JSON.stringify(body)).not.toContain('internal-host');
    // The log names the function and its error, as CloudWatch would, and never the event.
    const lines = logged.mock.calls.map((args) => args.join(' ')).join('\n');
    expect(lines).toContain('functions/createUser.ts failed: Error: Task exploded');
    expect(lines).not.toContain('secret-person');
  });
});
