import { describe, expect, it, vi } from 'vitest';
import { createAuthClient, type SessionEndReason } from '@auth-gateway/client';
import { API_KEY, fakeApi, memoryStorage, tokens, URL_ } from './fakeApi';

const USER = { userId: 'u-1', email: 'a@example.com', emailVerified: true, fullName: null, givenName: null, familyName: null, phoneNumber: null, groups: [], mfaEnabled: true };
const SIGN_IN = { input: { email: 'a@example.com', verificationSession: 's', otp: '123456' } };

/** A client on a clock the test moves, signed in at t=0 with tokens valid for an hour. */
type Answers = Parameters<typeof fakeApi>[0];

async function clientAt(options: { storage?: ReturnType<typeof memoryStorage>; refreshAnswer?: Answers[string]; answers?: Answers; onSessionEnd?: (reason: SessionEndReason) => void } = {}) {
  let time = 0;
  const api = fakeApi({
    verifyMfa: { body: { data: { verifyMfa: tokens('1') } } },
    refreshTokens: options.refreshAnswer ?? { body: { data: { refreshTokens: tokens('2') } } },
    me: { body: { data: { me: USER } } },
    ...options.answers,
  });
  const client = createAuthClient({ url: URL_, apiKey: API_KEY, fetch: api.fetch, storage: options.storage, now: () => time, onSessionEnd: options.onSessionEnd });
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

const REFUSED_TOKEN = { body: { data: null, errors: [{ errorType: 'NotAuthorized', message: 'The access token is invalid, expired or revoked. Sign in again.' }] } };
const REFUSED_REFRESH = { body: { data: null, errors: [{ errorType: 'NotAuthorized', message: 'The refresh token is invalid, expired or revoked. Sign in again.' }] } };

/** Answers `me` with NotAuthorized for the listed access tokens, and with the user otherwise. */
const meRefusing = (...refused: string[]) => ({
  me: (request: { headers: Record<string, string> }) => (refused.includes(request.headers.authorization!) ? REFUSED_TOKEN : { body: { data: { me: USER } } }),
});

describe('an access token refused before its expiry time', () => {
  it('is refreshed, and the operation sent once more with the new token', async () => {
    const { client, sent } = await clientAt({ answers: meRefusing('Bearer access-1') });
    await expect(client.me()).resolves.toEqual(USER);
    expect(sent.map((r) => r.operationName)).toEqual(['verifyMfa', 'me', 'refreshTokens', 'me']);
    expect(bearers(sent)).toEqual(['Bearer access-1', 'Bearer access-2']);
    expect((await client.session.tokens())?.accessToken).toBe('access-2');
  });

  it('gets one refresh for concurrent callers', async () => {
    const { client, sent } = await clientAt({ answers: meRefusing('Bearer access-1') });
    await Promise.all([client.me(), client.me(), client.me()]);
    expect(refreshes(sent)).toHaveLength(1);
    expect(bearers(sent).filter((b) => b === 'Bearer access-2')).toHaveLength(3);
  });

  it('is retried only once: a second refusal reaches the caller and keeps the new tokens', async () => {
    const { client, sent } = await clientAt({ answers: meRefusing('Bearer access-1', 'Bearer access-2') });
    await expect(client.me()).rejects.toMatchObject({ errorType: 'NotAuthorized' });
    expect(sent.map((r) => r.operationName)).toEqual(['verifyMfa', 'me', 'refreshTokens', 'me']);
    expect((await client.session.tokens())?.accessToken).toBe('access-2');
  });

  it('ends the session when the refresh is refused too', async () => {
    const onSessionEnd = vi.fn();
    const { client, sent } = await clientAt({ answers: meRefusing('Bearer access-1'), refreshAnswer: REFUSED_REFRESH, onSessionEnd });
    await expect(client.me()).rejects.toMatchObject({ errorType: 'NotAuthorized', message: REFUSED_REFRESH.body.errors[0]!.message });
    expect(sent.map((r) => r.operationName)).toEqual(['verifyMfa', 'me', 'refreshTokens']);
    expect(await client.session.tokens()).toBeUndefined();
    expect(onSessionEnd.mock.calls).toEqual([['refreshRefused']]);
  });

  it('is not retried on other errors, nor for changePassword, whose NotAuthorized may be a wrong old password', async () => {
    const { client, sent } = await clientAt({
      answers: {
        me: { body: { data: null, errors: [{ errorType: 'ServiceUnavailable', message: 'Try later.' }] } },
        changePassword: { body: { data: null, errors: [{ errorType: 'NotAuthorized', message: 'Incorrect e-mail or password.' }] } },
      },
    });
    await expect(client.me()).rejects.toMatchObject({ errorType: 'ServiceUnavailable' });
    await expect(client.changePassword({ input: { oldPassword: 'wrong', newPassword: 'new' } })).rejects.toMatchObject({ errorType: 'NotAuthorized' });
    expect(sent.map((r) => r.operationName)).toEqual(['verifyMfa', 'me', 'changePassword']);
    expect((await client.session.tokens())?.accessToken).toBe('access-1');
  });

  it('is not retried for an operation that needs no token', async () => {
    const { client, sent } = await clientAt({ answers: { login: REFUSED_TOKEN } });
    await expect(client.login({ input: { email: 'a@example.com', password: 'wrong' } })).rejects.toMatchObject({ errorType: 'NotAuthorized' });
    expect(sent.map((r) => r.operationName)).toEqual(['verifyMfa', 'login']);
  });
});

describe('onSessionEnd', () => {
  const ENDING = {
    logout: { body: { data: { logout: { status: 'LOGGED_OUT' } } } },
    deleteMe: { body: { data: { deleteMe: { userId: 'u-1', email: 'a@example.com', status: 'USER_DELETED' } } } },
    changePassword: { body: { data: { changePassword: { status: 'PASSWORD_CHANGED', sessionsEnded: true } } } },
    confirmReplaceAuthenticator: { body: { data: { confirmReplaceAuthenticator: { mfaStatus: 'CONFIRMED', status: 'LOGGED_OUT' } } } },
  };
  const VARIABLES = { logout: {}, deleteMe: {}, changePassword: { input: { oldPassword: 'a', newPassword: 'b' } }, confirmReplaceAuthenticator: { input: { otp: '123456' } } };

  it.each(Object.keys(ENDING) as (keyof typeof ENDING)[])('is told once, with the reason, when %s succeeds', async (field) => {
    const onSessionEnd = vi.fn();
    const { client } = await clientAt({ answers: ENDING, onSessionEnd });
    await (client[field] as (variables: object) => Promise<unknown>)(VARIABLES[field]);
    expect(onSessionEnd.mock.calls).toEqual([[field]]);
    expect(await client.session.tokens()).toBeUndefined();
  });

  it('is told once when the refresh near expiry is refused, however many callers wait', async () => {
    const onSessionEnd = vi.fn();
    const { client, setTime } = await clientAt({ refreshAnswer: REFUSED_REFRESH, onSessionEnd });
    setTime(3600_000);
    await Promise.allSettled([client.me(), client.me()]);
    expect(onSessionEnd.mock.calls).toEqual([['refreshRefused']]);
  });

  it('is not told when the session survives: a failed logout, a refresh that could not reach the API, session.clear()', async () => {
    const onSessionEnd = vi.fn();
    const { client, setTime } = await clientAt({
      answers: { logout: { body: { data: null, errors: [{ errorType: 'ServiceUnavailable', message: 'Try later.' }] } } },
      refreshAnswer: { status: 503, body: 'unavailable' },
      onSessionEnd,
    });
    await expect(client.logout()).rejects.toMatchObject({ errorType: 'ServiceUnavailable' });
    setTime(3600_000);
    await expect(client.me()).rejects.toMatchObject({ errorType: 'HttpError' });
    await client.session.clear();
    expect(onSessionEnd).not.toHaveBeenCalled();
  });

  it('does not turn an error thrown by the callback into a failed operation', async () => {
    const uncaught: unknown[] = [];
    const onSessionEnd = vi.fn(() => {
      throw new Error('app bug');
    });
    const listener = (error: unknown) => void uncaught.push(error);
    process.on('uncaughtException', listener);
    try {
      const { client } = await clientAt({ answers: ENDING, onSessionEnd });
      await expect(client.logout()).resolves.toEqual({ status: 'LOGGED_OUT' });
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('uncaughtException', listener);
    }
    expect(onSessionEnd).toHaveBeenCalledOnce();
    expect(uncaught).toMatchObject([{ message: 'app bug' }]);
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

describe('background refresh', () => {
  /** Timers and a clock the test moves by hand: a due callback runs when the clock passes it. */
  function manualTime() {
    let time = 0;
    let next = 0;
    const pending = new Map<number, { at: number; run: () => void }>();
    const settle = async () => {
      for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    };
    return {
      now: () => time,
      timers: {
        setTimeout: (run: () => void, ms: number) => (pending.set(++next, { at: time + ms, run }), next),
        clearTimeout: (handle: unknown) => void pending.delete(handle as number),
      },
      due: () => [...pending.values()].map((timer) => timer.at),
      async moveTo(ms: number) {
        time = ms;
        for (const [handle, timer] of [...pending]) {
          if (timer.at > ms) continue;
          pending.delete(handle);
          timer.run();
        }
        await settle();
      },
    };
  }

  async function backgroundClient(options: { refreshAnswer?: Answers[string]; storage?: ReturnType<typeof memoryStorage>; onSessionEnd?: (reason: SessionEndReason) => void } = {}) {
    const clock = manualTime();
    let issued = 1;
    const api = fakeApi({
      verifyMfa: { body: { data: { verifyMfa: tokens('1') } } },
      refreshTokens: options.refreshAnswer ?? (() => ({ body: { data: { refreshTokens: tokens(String(++issued)) } } })),
      logout: { body: { data: { logout: { status: 'LOGGED_OUT' } } } },
    });
    const client = createAuthClient({
      url: URL_,
      apiKey: API_KEY,
      fetch: api.fetch,
      now: clock.now,
      storage: options.storage,
      onSessionEnd: options.onSessionEnd,
      backgroundRefresh: true,
      timers: clock.timers,
    });
    return { client, clock, ...api };
  }

  it('refreshes a minute before expiry without a call, then again before the new tokens expire', async () => {
    const { client, clock, sent } = await backgroundClient();
    await client.verifyMfa(SIGN_IN);
    expect(clock.due()).toEqual([3600_000 - 60_000]);
    await clock.moveTo(3600_000 - 60_001);
    expect(refreshes(sent)).toHaveLength(0);
    await clock.moveTo(3600_000 - 60_000);
    expect(refreshes(sent).map((r) => r.variables)).toEqual([{ input: { refreshToken: 'refresh-1' } }]);
    expect((await client.session.tokens())?.accessToken).toBe('access-2');
    // The new tokens count from the refresh.
    expect(clock.due()).toEqual([2 * (3600_000 - 60_000)]);
    await clock.moveTo(2 * (3600_000 - 60_000));
    expect(refreshes(sent).map((r) => r.variables)).toEqual([{ input: { refreshToken: 'refresh-1' } }, { input: { refreshToken: 'refresh-2' } }]);
  });

  it('stops when the session ends or the app clears it', async () => {
    const { client, clock, sent } = await backgroundClient();
    await client.verifyMfa(SIGN_IN);
    await client.logout();
    expect(clock.due()).toEqual([]);
    await client.verifyMfa(SIGN_IN);
    await client.session.clear();
    expect(clock.due()).toEqual([]);
    await clock.moveTo(7200_000);
    expect(refreshes(sent)).toHaveLength(0);
  });

  it('ends the session when the refresh token is refused in the background, and says why', async () => {
    const refused = { body: { data: null, errors: [{ errorType: 'NotAuthorized', message: 'The refresh token is invalid, expired or revoked. Sign in again.' }] } };
    const ended: SessionEndReason[] = [];
    const { client, clock } = await backgroundClient({ refreshAnswer: refused, onSessionEnd: (reason) => ended.push(reason) });
    await client.verifyMfa(SIGN_IN);
    await clock.moveTo(3600_000 - 60_000);
    expect(await client.session.tokens()).toBeUndefined();
    expect(ended).toEqual(['refreshRefused']);
    expect(clock.due()).toEqual([]);
  });

  it('keeps the tokens and waits for the next call when the refresh fails for another reason', async () => {
    const { client, clock } = await backgroundClient({ refreshAnswer: { status: 503, body: 'unavailable' } });
    await client.verifyMfa(SIGN_IN);
    await clock.moveTo(3600_000 - 60_000);
    expect((await client.session.tokens())?.accessToken).toBe('access-1');
    expect(clock.due()).toEqual([]);
  });

  it('schedules the tokens an earlier page stored, and is off unless asked for', async () => {
    const stored = { idToken: 'id-1', accessToken: 'access-1', refreshToken: 'refresh-1', expiresAt: 1800_000 };
    const { clock, sent } = await backgroundClient({ storage: memoryStorage({ 'auth-gateway.session': JSON.stringify(stored) }) });
    await clock.moveTo(0);
    expect(clock.due()).toEqual([1800_000 - 60_000]);
    await clock.moveTo(1800_000 - 60_000);
    expect(refreshes(sent)).toHaveLength(1);

    const idle = manualTime();
    const api = fakeApi({ verifyMfa: { body: { data: { verifyMfa: tokens('1') } } } });
    const client = createAuthClient({ url: URL_, apiKey: API_KEY, fetch: api.fetch, now: idle.now, timers: idle.timers });
    await client.verifyMfa(SIGN_IN);
    expect(idle.due()).toEqual([]);
  });
});
