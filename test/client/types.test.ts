import { describe, expect, expectTypeOf, it } from 'vitest';
import { createAuthClient, type DataOf } from '@auth-gateway/client';
import { API_KEY, fakeApi, URL_ } from './fakeApi';

/**
 * Compile-time checks, enforced by `tsc --noEmit`: each `@ts-expect-error` fails the type check
 * if the line below it ever compiles.
 */
const answer = { email: 'a@example.com', verificationType: 'SOFTWARE_TOKEN_MFA', verificationSession: 'vs', mfaSetup: null };

async function login() {
  const client = createAuthClient({ url: URL_, apiKey: API_KEY, fetch: fakeApi({ login: { body: { data: { login: answer } } } }).fetch });
  const result = await client.login({ input: { email: 'a@example.com', password: 'pw' } });
  // @ts-expect-error LoginResult has no field `session`.
  void result.session;
  // @ts-expect-error `email` is required in LoginInput.
  void (() => client.login({ input: { password: 'pw' } }));
  // @ts-expect-error the access token travels in the header, not as a variable.
  void (() => client.me({ accessToken: 'token' }));
  return result;
}

describe('client types', () => {
  it('types each method by its generated document', async () => {
    const result = await login();
    expect(result.verificationSession).toBe('vs');
    expectTypeOf(result.verificationType).toEqualTypeOf<'SOFTWARE_TOKEN_MFA' | 'MFA_SETUP' | 'NEW_PASSWORD_REQUIRED'>();
    expectTypeOf<DataOf<'verifyMfa'>['expiresIn']>().toEqualTypeOf<number>();
  });
});
