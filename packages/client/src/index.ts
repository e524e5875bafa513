import { refreshWithCognito, type CognitoRefreshOptions } from './cognito.js';
import { documentOf, type DataOf, type VariablesFor } from './documents.js';
import { AuthError, errorOf, type GraphQLResponseBody } from './errors.js';
import { operations, type OperationField } from './generated/operations.js';
import { createSession, type IssuedTokens, type ManagedSession, type Session, type SessionEndReason, type Timers, type TokenStorage } from './session.js';

/**
 * A typed client for the gateway: one method per operation, each sending the document generated
 * from the schema and returning its field's data. Operations that need the user's access token
 * get it from the session, refreshed shortly before it expires, and once more if the API refuses it.
 *
 *   const auth = createAuthClient({ url, apiKey });
 *   const { verificationSession } = await auth.login({ input: { email, password } });
 *   await auth.verifyMfa({ input: { email, verificationSession, otp } }); // keeps the tokens
 *   const me = await auth.me();
 */

export { AuthError } from './errors.js';
export { browserPasskeys, registerPasskey, signInWithPasskey, type PasskeyAuthenticator } from './passkeys.js';
export type { CognitoRefreshOptions } from './cognito.js';
export type { DataOf, VariablesFor } from './documents.js';
export type { OperationField } from './generated/operations.js';
export type { Session, SessionEndReason, SessionTokens, Timers, TokenStorage } from './session.js';

export interface AuthClientOptions {
  /** The AppSync GraphQL endpoint. */
  url: string;
  apiKey: string;
  fetch?: typeof globalThis.fetch;
  /** Where tokens outlive the page; memory only when left out. */
  storage?: TokenStorage;
  storageKey?: string;
  /** Milliseconds before expiry at which the tokens are refreshed; one minute by default. */
  refreshMargin?: number;
  /** The clock, in epoch milliseconds. */
  now?: () => number;
  /**
   * Called once each time the session ends and the user must sign in again: the refresh token was
   * refused (`refreshRefused`: expired, or revoked by a sign-out or password change elsewhere), or
   * `logout`, `deleteMe`, `changePassword` or `confirmReplaceAuthenticator` succeeded. Not called
   * for `session.clear()`, which the app asks for itself.
   */
  onSessionEnd?: (reason: SessionEndReason) => void;
  /**
   * Where the session's own refreshes go: `gateway` (the default) calls refreshTokens on the API;
   * `cognito` calls Cognito's GetTokensFromRefreshToken directly, which needs `cognito`. Either way
   * the new refresh token is kept when the app client rotates them. README "Typed client" weighs them.
   */
  refresh?: 'gateway' | 'cognito';
  /** The app client id and Cognito's region or endpoint, for `refresh: 'cognito'`. */
  cognito?: CognitoRefreshOptions;
  /**
   * Refresh `refreshMargin` before the tokens expire on a timer, not only when a call needs a token,
   * so an app that reads `session.tokens()` (to call its own back end, say) always finds current ones.
   * Off by default. `timers` replaces the global setTimeout and clearTimeout (tests).
   */
  backgroundRefresh?: boolean;
  timers?: Timers;
}

/**
 * Operations without variables take none (an `{}` parameter would accept anything); operations
 * whose variables are all optional (a page token) may leave them out.
 */
type Method<F extends OperationField> = keyof VariablesFor<F> extends never
  ? (variables?: Record<string, never>) => Promise<DataOf<F>>
  : {} extends VariablesFor<F>
    ? (variables?: VariablesFor<F>) => Promise<DataOf<F>>
    : (variables: VariablesFor<F>) => Promise<DataOf<F>>;

export type AuthClient = { [F in OperationField]: Method<F> } & { session: Session };

/** What an effect may do besides changing the session: call another operation with the same token. */
type Follow = (field: 'logout') => Promise<unknown>;

type SessionEffects = { [F in OperationField]?: (data: DataOf<F>, session: ManagedSession, follow: Follow) => Promise<void> };

/** How an operation's success changes the session. */
const SESSION_EFFECTS: SessionEffects = {
  verifyMfa: (tokens, session) => session.store(tokens),
  finishPasskeySignIn: (tokens, session) => session.store(tokens),
  confirmMfa: (result, session) => session.store(result.tokens),
  refreshTokens: (tokens, session) => session.store(tokens),
  logout: (_, session) => session.end('logout'),
  deleteMe: (_, session) => session.end('deleteMe'),
  // A password change ends every session, this one too; if that failed server-side, logout ends them.
  changePassword: async (result, session, follow) => {
    if (!result.sessionsEnded) await follow('logout').catch(() => undefined);
    await session.end('changePassword');
  },
  // A new authenticator ends every session: the next sign-in uses it.
  confirmReplaceAuthenticator: (_, session) => session.end('confirmReplaceAuthenticator'),
};

/**
 * Token operations whose NotAuthorized is not always about the token: changePassword answers it
 * for a wrong old password, and a retry would count a second failed attempt towards the lockout.
 */
const NO_RETRY: ReadonlySet<OperationField> = new Set<OperationField>(['changePassword']);

function refused(error: unknown): boolean {
  return error instanceof AuthError && error.errorType === 'NotAuthorized';
}

async function readBody(response: Response): Promise<GraphQLResponseBody | undefined> {
  try {
    return (await response.json()) as GraphQLResponseBody;
  } catch {
    return undefined;
  }
}

export function createAuthClient(options: AuthClientOptions): AuthClient {
  const send = options.fetch ?? globalThis.fetch.bind(globalThis);

  async function request<F extends OperationField>(field: F, variables: object, accessToken?: string): Promise<DataOf<F>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-api-key': options.apiKey };
    if (accessToken) headers.authorization = `Bearer ${accessToken}`;
    const response = await send(options.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: documentOf(field).toString(), operationName: field, variables }),
    });
    const body = await readBody(response);
    const error = errorOf(body, response.status);
    if (error) throw error;
    return body?.data?.[field] as DataOf<F>;
  }

  const refresh =
    options.refresh === 'cognito'
      ? refreshWithCognito(send, options.cognito ?? { clientId: '' })
      : (refreshToken: string): Promise<IssuedTokens> => request('refreshTokens', { input: { refreshToken } });
  if (options.refresh !== undefined && options.refresh !== 'gateway' && options.refresh !== 'cognito') {
    throw new TypeError(`refresh is "gateway" or "cognito", not "${String(options.refresh)}".`);
  }

  const session = createSession({
    storage: options.storage,
    storageKey: options.storageKey ?? 'auth-gateway.session',
    refreshMargin: options.refreshMargin ?? 60_000,
    now: options.now ?? Date.now,
    refresh,
    onEnd: options.onSessionEnd,
    timers: options.backgroundRefresh ? (options.timers ?? { setTimeout: (f, ms) => globalThis.setTimeout(f, ms), clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>) }) : undefined,
  });

  /**
   * Sends a token operation. An access token refused before its expiry time (the device's clock out
   * of step, a token the pool no longer accepts) gets one refresh and one retry; a refused refresh
   * ends the session.
   */
  async function withToken<F extends OperationField>(field: F, variables: object): Promise<{ data: DataOf<F>; accessToken: string }> {
    const accessToken = await session.accessToken();
    try {
      return { data: await request(field, variables, accessToken), accessToken };
    } catch (error) {
      if (!refused(error) || NO_RETRY.has(field)) throw error;
      const renewed = await session.renew(accessToken);
      return { data: await request(field, variables, renewed), accessToken: renewed };
    }
  }

  async function call(op: (typeof operations)[number], variables: object = {}): Promise<unknown> {
    const { data, accessToken } = op.token ? await withToken(op.field, variables) : { data: await request(op.field, variables), accessToken: undefined };
    const effect = SESSION_EFFECTS[op.field] as ((data: unknown, session: ManagedSession, follow: Follow) => Promise<void>) | undefined;
    await effect?.(data, session, (field) => request(field, {}, accessToken));
    return data;
  }

  // Object.fromEntries forgets the keys; the operations table guarantees one method per user field
  // (admin fields need IAM signing and are not the app's to call).
  const methods = Object.fromEntries(
    operations.map((op) => [op.field, (variables?: object) => call(op, variables)]),
  ) as unknown as { [F in OperationField]: Method<F> };
  const { tokens, accessToken, store, clear } = session;
  return { ...methods, session: { tokens, accessToken, store, clear } };
}
