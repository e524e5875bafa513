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

/**
 * Why the session ended: the refresh token was refused (expired, revoked by a sign-out elsewhere),
 * or an operation that ends it succeeded.
 */
export type SessionEndReason = 'refreshRefused' | 'logout' | 'deleteMe' | 'changePassword' | 'confirmReplaceAuthenticator';

export interface SessionOptions {
  storage?: TokenStorage;
  storageKey: string;
  /** Milliseconds before expiry at which the tokens are refreshed. */
  refreshMargin: number;
  now: () => number;
  /** Exchanges a refresh token for new tokens. */
  refresh: (refreshToken: string) => Promise<IssuedTokens>;
  /** Told once each time the session ends, after the tokens are gone. */
  onEnd?: (reason: SessionEndReason) => void;
  /** When given, the tokens are refreshed on this timer `refreshMargin` before they expire, without waiting for a call. */
  timers?: Timers;
}

/** setTimeout and clearTimeout, as the page or Node.js has them (a test passes fake ones). */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface Session {
  /** The stored tokens, or undefined when signed out. */
  tokens(): Promise<SessionTokens | undefined>;
  /** A current access token, refreshed first when it is about to expire. */
  accessToken(): Promise<string>;
  store(tokens: IssuedTokens): Promise<void>;
  /** Forgets the tokens without telling onSessionEnd: the app knows, it asked. */
  clear(): Promise<void>;
}

/** What the client itself does with the session besides the public methods. */
export interface ManagedSession extends Session {
  /** Forgets the tokens and tells onEnd why. */
  end(reason: SessionEndReason): Promise<void>;
  /**
   * A new access token after the API refused `refused`: refreshed now whatever the expiry time says,
   * once for every caller, or the one another caller's refresh already brought.
   */
  renew(refused: string): Promise<string>;
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

export function createSession(options: SessionOptions): ManagedSession {
  const { storage, storageKey, refreshMargin, now } = options;
  // Memory is the source of truth once loaded, so concurrent callers see one state synchronously.
  let current: SessionTokens | undefined;
  let loading: Promise<void> | undefined;
  let refreshing: Promise<SessionTokens> | undefined;
  let timer: unknown;

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
    schedule();
  }

  async function clear(): Promise<void> {
    await load();
    current = undefined;
    cancel();
    await storage?.removeItem(storageKey);
  }

  function cancel(): void {
    if (timer !== undefined) options.timers?.clearTimeout(timer);
    timer = undefined;
  }

  /**
   * With timers, the next refresh is due `refreshMargin` before the tokens expire. A refused refresh
   * ends the session (onEnd says so); any other failure leaves the refresh to the next call.
   */
  function schedule(): void {
    cancel();
    const { timers } = options;
    if (!timers || !current) return;
    timer = timers.setTimeout(() => {
      timer = undefined;
      accessToken().catch(() => undefined);
    }, Math.max(0, current.expiresAt - refreshMargin - now()));
    // In Node.js, a pending refresh does not keep the process alive.
    (timer as { unref?: () => void } | undefined)?.unref?.();
  }

  async function end(reason: SessionEndReason): Promise<void> {
    await clear();
    const { onEnd } = options;
    // After the caller's own promise settles its state, and an error in the app's callback stays
    // the app's: it surfaces as uncaught instead of failing the operation that ended the session.
    if (onEnd) queueMicrotask(() => onEnd(reason));
  }

  async function refresh(refreshToken: string): Promise<SessionTokens> {
    // Another tab sharing the storage may have refreshed already; when refresh tokens rotate, the
    // one in memory then dies seconds later, so take the stored tokens instead of sending it.
    const stored = storage ? parse(await storage.getItem(storageKey)) : undefined;
    if (stored && stored.refreshToken !== refreshToken && now() < stored.expiresAt - refreshMargin) {
      current = stored;
      schedule();
      return stored;
    }
    try {
      await store(await options.refresh(refreshToken));
    } catch (error) {
      // A refused refresh token will never work again; a network failure might.
      if (error instanceof AuthError && error.errorType === 'NotAuthorized') await end('refreshRefused');
      throw error;
    }
    if (!current) throw new AuthError('Signed out while the tokens were being refreshed.', 'NotAuthorized');
    return current;
  }

  function signedIn(tokens: SessionTokens | undefined): SessionTokens {
    if (!tokens) throw new AuthError('Not signed in: sign in with login and verifyMfa first.', 'NotAuthorized');
    return tokens;
  }

  /** One refresh for every caller that needs one at the same time. */
  async function refreshOnce(tokens: SessionTokens): Promise<string> {
    refreshing ??= refresh(tokens.refreshToken).finally(() => {
      refreshing = undefined;
    });
    return (await refreshing).accessToken;
  }

  async function accessToken(): Promise<string> {
    await load();
    if (refreshing) return (await refreshing).accessToken;
    const tokens = signedIn(current);
    if (now() < tokens.expiresAt - refreshMargin) return tokens.accessToken;
    return refreshOnce(tokens);
  }

  async function renew(refused: string): Promise<string> {
    await load();
    if (refreshing) return (await refreshing).accessToken;
    const tokens = signedIn(current);
    if (tokens.accessToken !== refused) return tokens.accessToken;
    return refreshOnce(tokens);
  }

  async function tokens(): Promise<SessionTokens | undefined> {
    await load();
    return current;
  }

  // Tokens kept from an earlier page get their timer too.
  if (options.timers) void load().then(schedule);

  return { tokens, accessToken, store, clear, end, renew };
}
