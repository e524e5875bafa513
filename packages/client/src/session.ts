import { AuthError } from './errors.js';

/**
 * The signed-in user's tokens. Kept in memory, and in `storage` too when one is given (for example
 * `localStorage`, which any script on the page can read: choose it knowingly).
 */

/** The part of the Web Storage interface the session uses; its methods may also be async. */
export interface TokenStorage {
  getItem(key: string): string | null | Promise<string | null>;
  setItem(key: string, value: string): void | Promise<void>;
  removeItem(key: string): void | Promise<void>;
}

/** What the API returns as AuthTokens. */
export interface IssuedTokens {
  idToken: string;
  accessToken: string;
  refreshToken: string;
  /** Seconds until the id and access tokens expire. */
  expiresIn: number;
}

export interface SessionTokens {
  idToken: string;
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds when the id and access tokens expire. */
  expiresAt: number;
}

export interface SessionOptions {
  storage?: TokenStorage;
  storageKey: string;
  /** Milliseconds before expiry at which the tokens are refreshed. */
  refreshMargin: number;
  now: () => number;
  /** Exchanges a refresh token for new tokens. */
  refresh: (refreshToken: string) => Promise<IssuedTokens>;
}

export interface Session {
  /** The stored tokens, or undefined when signed out. */
  tokens(): Promise<SessionTokens | undefined>;
  /** A current access token, refreshed first when it is about to expire. */
  accessToken(): Promise<string>;
  store(tokens: IssuedTokens): Promise<void>;
  clear(): Promise<void>;
}

function parse(stored: string | null): SessionTokens | undefined {
  if (!stored) return undefined;
  try {
    const value = JSON.parse(stored) as Partial<SessionTokens>;
    const complete =
      typeof value.idToken === 'string' &&
      typeof value.accessToken === 'string' &&
      typeof value.refreshToken === 'string' &&
      typeof value.expiresAt === 'number';
    return complete ? (value as SessionTokens) : undefined;
  } catch {
    // Unreadable storage means signed out, not a crash on every call.
    return undefined;
  }
}

export function createSession(options: SessionOptions): Session {
  const { storage, storageKey, refreshMargin, now } = options;
  // Memory is the source of truth once loaded, so concurrent callers see one state synchronously.
  let current: SessionTokens | undefined;
  let loading: Promise<void> | undefined;
  let refreshing: Promise<SessionTokens> | undefined;

  function load(): Promise<void> {
    loading ??= (async () => {
      if (storage && current === undefined) current = parse(await storage.getItem(storageKey));
    })();
    return loading;
  }

  async function store(tokens: IssuedTokens): Promise<void> {
    await load();
    const { idToken, accessToken, refreshToken, expiresIn } = tokens;
    current = { idToken, accessToken, refreshToken, expiresAt: now() + expiresIn * 1000 };
    await storage?.setItem(storageKey, JSON.stringify(current));
  }

  async function clear(): Promise<void> {
    await load();
    current = undefined;
    await storage?.removeItem(storageKey);
  }

  async function refresh(refreshToken: string): Promise<SessionTokens> {
    try {
      await store(await options.refresh(refreshToken));
    } catch (error) {
      // A refused refresh token will never work again; a network failure might.
      if (error instanceof AuthError && error.errorType === 'NotAuthorized') await clear();
      throw error;
    }
    if (!current) throw new AuthError('Signed out while the tokens were being refreshed.', 'NotAuthorized');
    return current;
  }

  async function accessToken(): Promise<string> {
    await load();
    if (refreshing) return (await refreshing).accessToken;
    if (!current) throw new AuthError('Not signed in: sign in with login and verifyMfa first.', 'NotAuthorized');
    if (now() < current.expiresAt - refreshMargin) return current.accessToken;
    // One refresh for every caller that finds the token about to expire.
    refreshing = refresh(current.refreshToken).finally(() => {
      refreshing = undefined;
    });
    return (await refreshing).accessToken;
  }

  async function tokens(): Promise<SessionTokens | undefined> {
    await load();
    return current;
  }

  return { tokens, accessToken, store, clear };
}
