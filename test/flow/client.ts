import { JwtVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { readMailbox, waitForMessage, type MailboxMessage } from '../../local/ses';
import type { StackInfo } from '../../local/stack';

/**
 * What a front end has: GraphQL over HTTP with the API key, the user's mailbox, a QR scanner and
 * a JWT verifier. Nothing here reaches into the stack's internals.
 */

export interface GraphQLError {
  path: ReadonlyArray<string | number> | null;
  errorType?: string | null;
  message: string;
  data?: unknown;
  errorInfo?: unknown;
}

export interface GraphQLAnswer<T = Record<string, unknown>> {
  /** The HTTP status. */
  status: number;
  data: T | null;
  errors?: GraphQLError[];
}

export interface CallOptions {
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Overrides the stack's key; null sends no key at all. */
  apiKey?: string | null;
}

export type Gql = <T = Record<string, unknown>>(
  query: string,
  variables?: Record<string, unknown>,
  options?: CallOptions,
) => Promise<GraphQLAnswer<T>>;

export function graphqlClient(info: Pick<StackInfo, 'graphqlUrl' | 'apiKey'>): Gql {
  return async (query, variables = {}, options = {}) => {
    const apiKey = options.apiKey === undefined ? info.apiKey : options.apiKey;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (apiKey !== null) headers['x-api-key'] = apiKey;
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const response = await fetch(info.graphqlUrl, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: unknown; errors?: GraphQLError[] };
    return { status: response.status, data: (body.data ?? null) as never, errors: body.errors };
  };
}

/** The data of a successful answer; any error fails with its type and message, which say what went wrong. */
export function dataOf<T>(answer: GraphQLAnswer<T>): T {
  if (answer.status !== 200 || answer.errors?.length || answer.data === null) {
    const first = answer.errors?.[0];
    throw new Error(`Expected data, got HTTP ${answer.status}: ${first?.errorType ?? ''} ${first?.message ?? ''}`.trim());
  }
  return answer.data;
}

/** The one error of a failed answer, whose data must be null. */
export function errorOf(answer: GraphQLAnswer<unknown>): GraphQLError {
  const [first, ...rest] = answer.errors ?? [];
  if (!first || rest.length > 0) throw new Error(`Expected exactly one error, got ${answer.errors?.length ?? 0}.`);
  return first;
}

const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** The templates escape every value they put into HTML; a reader sees it unescaped. */
export function unescapeHtml(html: string): string {
  return html.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}

/** The monospace blocks of a mail (usernames, codes, temporary passwords), in order, as a reader sees them. */
export function codeBlocksOf(message: MailboxMessage): string[] {
  const html = message.body.html ?? '';
  return [...html.matchAll(/<p style="[^"]*monospace[^"]*">([^<]*)<\/p>/g)].map((match) => unescapeHtml(match[1]!));
}

/** The invitation shows the username, then the temporary password. */
export function temporaryPasswordOf(invitation: MailboxMessage): string {
  const [username, password, ...rest] = codeBlocksOf(invitation);
  if (!username || !password || rest.length > 0) throw new Error('The invitation does not show a username and a password.');
  return password;
}

/** The single code of a reset or verification mail. */
export function codeOf(message: MailboxMessage): string {
  const [code, ...rest] = codeBlocksOf(message);
  if (!code || rest.length > 0) throw new Error('The mail does not show exactly one code.');
  return code;
}

/** The link of the button in the HTML body, unescaped as a browser would follow it. */
export function linkOf(message: MailboxMessage): string {
  const hrefs = [...(message.body.html ?? '').matchAll(/<a href="([^"]*)"/g)].map((match) => unescapeHtml(match[1]!));
  if (hrefs.length !== 1) throw new Error(`Expected one link in the mail, found ${hrefs.length}.`);
  return hrefs[0]!;
}

/** Under the default test timeout, so a missing mail fails with its own message. */
const MAIL_WAIT_MS = 15_000;

/**
 * The mailbox as one reader sees it: each message is handed out once, so a step waits for the
 * mail it caused and never picks up an earlier one.
 */
export class Inbox {
  private readonly seen = new Set<string>();

  constructor(private readonly url: string) {}

  /**
   * The next unread message to `to` whose subject matches. It comes back as soon as the mail is
   * there; the limit only ends a wait for a mail that never comes, and is wide enough that a busy
   * machine delivering late is not taken for that.
   */
  async next(to: string, subject: RegExp): Promise<MailboxMessage> {
    const found = await waitForMessage(
      this.url,
      (m) => !this.seen.has(m.messageId) && m.destination.to.includes(to) && subject.test(m.subject),
      { timeoutMs: MAIL_WAIT_MS },
    );
    this.seen.add(found.messageId);
    return found;
  }

  /** Every message ever sent to `to`, read or not. */
  async all(to: string): Promise<MailboxMessage[]> {
    return (await readMailbox(this.url)).filter((m) => m.destination.to.includes(to));
  }
}

/** Reads the QR code in a PNG, as an authenticator app's camera would. */
export function decodeQrPng(png: Buffer): string {
  const image = PNG.sync.read(png);
  const found = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  if (!found) throw new Error('No QR code found in the image.');
  return found.data;
}

export function decodeQrDataUrl(dataUrl: string): string {
  const prefix = 'data:image/png;base64,';
  if (!dataUrl.startsWith(prefix)) throw new Error('Not a PNG data URL.');
  return decodeQrPng(Buffer.from(dataUrl.slice(prefix.length), 'base64'));
}

/** The TOTP secret an authenticator app takes from an otpauth URI. */
export function secretOf(otpauthUri: string): string {
  const secret = new URL(otpauthUri).searchParams.get('secret');
  if (!secret) throw new Error('The otpauth URI has no secret.');
  return secret;
}

/**
 * Verifiers for the pool's id and access tokens, with the keys from the issuer's JWKS. The JWKS
 * is fetched with global fetch, since the local issuer is plain HTTP on loopback.
 */
export function tokenVerifiers(info: Pick<StackInfo, 'cognitoEndpoint' | 'userPoolId' | 'clientId'>) {
  const issuer = `${info.cognitoEndpoint}/${info.userPoolId}`;
  const jwksUri = `${issuer}/.well-known/jwks.json`;
  const jwksCache = new SimpleJwksCache({ fetcher: { fetch: async (uri: string) => (await fetch(uri)).arrayBuffer() } });
  const id = JwtVerifier.create(
    {
      issuer,
      jwksUri,
      audience: info.clientId,
      customJwtCheck: ({ payload }) => {
        if (payload.token_use !== 'id') throw new Error('Not an id token.');
      },
    },
    { jwksCache },
  );
  const access = JwtVerifier.create(
    {
      issuer,
      jwksUri,
      // Access tokens name their client in client_id, not aud.
      audience: null,
      customJwtCheck: ({ payload }) => {
        if (payload.token_use !== 'access' || payload.client_id !== info.clientId) throw new Error('Not an access token of this client.');
      },
    },
    { jwksCache },
  );
  return { issuer, jwksUri, id, access };
}
