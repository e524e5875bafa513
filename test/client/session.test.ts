import { describe, expect, it } from 'vitest';
import { createAuthClient } from '@auth-gateway/client';
import { API_KEY, fakeApi, memoryStorage, tokens, URL_ } from './fakeApi';

const USER = { userId: 'u-1', email: 'a@example.com', emailVerified: true, fullName: null, givenName: null, familyName: null, phoneNumber: null, groups: [], mfaEnabled: true };
const SIGN_IN = { input: { email: 'a@example.com', verificationSession: 's', otp: '123456' } };

/** A client on a clock the test moves, signed in at t=0 with tokens valid for an hour. */
async function clientAt(options: { storage?: ReturnType<typeof memoryStorage>; refreshAnswer?: Parameters<typeof fakeApi>[0][string] } = {}) {
  let time = 0;
  const api = fakeApi({
    verifyMfa: { body: { data: { verifyMfa: tokens('1') } } },
    refreshTokens: options.refreshAnswer ?? { body: { data: { refreshTokens: tokens('2') } } },
    me: { body: { data: { me: USER } } },
  });
  const client = createAuthClient({ url: URL_, apiKey: API_KEY, fetch: api.fetch, storage: options.storage, now: () => time });
  await client.verifyMfa(SIGN_IN);
  return { client, ...api, setTime: (ms: number) => void (time = ms) };
}

const bearers = (sent: ReturnType<typeof fakeApi>['sent']) => sent.filter((r) => r.operationName === 'me').map((r) => r.headers.authorization);
const refreshes = (sent: ReturnType<typeof fakeApi>['sent']) => sent.filter((r) => r.operationName === 'refreshTokens');

describe('token refresh', () => {
  it('does not refresh while the access token has more than the margin left', async () => {
    const { client, sent, setTime } = await clientAt();
    setTime(3600_000 - 61_000);
    await client.me();
    expect(refreshes(sent)).toHaveLength(0);
    expect(bearers(sent)).toEqual(['Bearer access-1']);
  });

  it('refreshes once, with the stored refresh token, for concurrent callers near expiry', async () => {
    const { client, sent, setTime } = await clientAt();
    setTime(3600_000 - 30_000);
    await Promise.all([client.me(), client.me(), client.me()]);
    expect(refreshes(sent)).toHaveLength(1);
    expect(refreshes(sent)[0]!.variables).toEqual({ input: { refreshToken: 'refresh-1' } });
    expect(refreshes(sent)[0]!.headers.authorization).toBeUndefined();
    expect(bearers(sent)).toEqual(['Bearer access-2', 'Bearer access-2', 'Bearer access-2']);
    // The new tokens count from the refresh: no second refresh right after.
    await client.me();
    expect(refreshes(sent)).toHaveLength(1);
  });

  it('signs out when the refresh token is refused, and says so to every waiting caller', async () => {
    const refused = { body: { data: null, errors: [{ errorType: 'NotAuthorized', message: 'The refresh token is invalid, expired or revoked. Sign in again.' }] } };
    const { client, sent, setTime } = await clientAt({ refreshAnswer: refused });
    setTime(3600_000);
    const results = await Promise.allSettled([client.me(), client.me()]);
    expect(results.map((r) => r.status === 'rejected' && (r.reason as { errorType: string }).errorType)).toEqual(['NotAuthorized', 'NotAuthorized']);
    expect(refreshes(sent)).toHaveLength(1);
    expect(await client.session.tokens()).toBeUndefined();
  });

  it('keeps the tokens when the refresh fails for another reason', async () => {
    const { client, setTime } = await clientAt({ refreshAnswer: { status: 503, body: 'unavailable' } });
    setTime(3600_000);
    await expect(client.me()).rejects.toMatchObject({ errorType: 'HttpError' });
    expect((await client.session.tokens())?.refreshToken).toBe('refresh-1');
  });
});

describe('storage', () => {
  it('receives the tokens with their expiry time, and loses them on logout', async () => {
    const storage = memoryStorage();
    const { client, setTime } = await clientAt({ storage });
    expect(JSON.parse(storage.items.get('auth-gateway.session')!)).toEqual({ idToken: 'id-1', accessToken: 'access-1', refreshToken: 'refresh-1', expiresAt: 3600_000 });
    setTime(3600_000);
    await client.me();
    expect(JSON.parse(storage.items.get('auth-gateway.session')!)).toMatchObject({ accessToken: 'access-2', expiresAt: 7200_000 });
    const logout = fakeApi({ logout: { body: { data: { logout: { status: 'LOGGED_OUT' } } } } });
    const later = createAuthClient({ url: URL_, apiKey: API_KEY, fetch: logout.fetch, storage, now: () => 3600_000 });
    await later.logout();
    expect(logout.sent[0]!.headers.authorization).toBe('Bearer access-2');
    expect(storage.removeItem).toHaveBeenCalledWith('auth-gateway.session');
    expect(storage.items.size).toBe(0);
  });

  it('gives a new client the session a previous one stored', async () => {
    const stored = { idToken: 'id-9', accessToken: 'access-9', refreshToken: 'refresh-9', expiresAt: 10_000_000 };
    const storage = memoryStorage({ session: JSON.stringify(stored) });
    const api = fakeApi({ me: { body: { data: { me: USER } } } });
    const client = createAuthClient({ url: URL_, apiKey: API_KEY, fetch: api.fetch, storage, storageKey: 'session', now: () => 0 });
    await expect(client.me()).resolves.toEqual(USER);
    expect(api.sent[0]!.headers.authorization).toBe('Bearer access-9');
    expect(storage.getItem).toHaveBeenCalledTimes(1);
  });

  it('treats unreadable stored data as signed out', async () => {
    const api = fakeApi({});
    const client = createAuthClient({ url: URL_, apiKey: API_KEY, fetch: api.fetch, storage: memoryStorage({ 'auth-gateway.session': '{not json' }) });
    await expect(client.me()).rejects.toMatchObject({ errorType: 'NotAuthorized' });
    expect(api.fetch).not.toHaveBeenCalled();
  });
});
