import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, httpUrl, listen, LOOPBACK } from '../net';
import { actions } from './actions';
import type { Clock } from './clock';
import { createContext, DEFAULT_REGION, type CognitoContext } from './context';
import { CognitoError, errors } from './errors';
import { parseJson, readBody, sendError, sendJson, signedRegion } from './http';
import { jwks } from './keys';
import type { Deliver } from './messages';
import type { ScryptCost } from './passwords';
import { StateStore } from './store';
import type { Triggers } from './triggers';
import { authorizeCall, type CognitoIam } from './iam';

export type { Clock } from './clock';
export type { CognitoMessage } from './messages';

export interface CognitoEmulatorOptions {
  /** 0 picks a free port. */
  port: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** State is kept here and survives restarts, and kill -9. */
  dataDir: string;
  /** Defaults to the real clock. */
  clock?: Clock;
  /** Called to deliver invitation, reset and verification e-mails; without it none are sent. */
  deliver?: Deliver;
  /** Lambda triggers. */
  triggers?: Triggers;
  /** What hashing one password costs; defaults to PASSWORD_COST. Only tests should lower it. */
  passwordCost?: ScryptCost;
  /** When set, IAM-authorized operations must be signed by a key this directory knows and allowed by its policy. */
  iam?: CognitoIam;
}

export interface CognitoEmulator {
  url: string;
  port: number;
  close(): Promise<void>;
}

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
const WELL_KNOWN = /^\/([\w-]+_[A-Za-z0-9]+)\/\.well-known\/(jwks\.json|openid-configuration)$/;

/**
 * Cognito's user pool API over HTTP on loopback, for the real AWS SDK: POST / with
 * `X-Amz-Target: AWSCognitoIdentityProviderService.<Action>` and a JSON 1.1 body, plus each
 * pool's JWKS at `<issuer>/.well-known/jwks.json`. Calls run one at a time, and each call's
 * changes are on disk before its answer is sent.
 */
export async function startCognitoEmulator(opts: CognitoEmulatorOptions): Promise<CognitoEmulator> {
  const store = await StateStore.open(opts.dataDir);
  const host = opts.host ?? LOOPBACK;
  let context: CognitoContext | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  /** One call at a time: no two calls can both use a session or a TOTP code. */
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };

  async function call(req: IncomingMessage, res: ServerResponse, ctx: CognitoContext): Promise<void> {
    const target = String(req.headers['x-amz-target'] ?? '');
    const name = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
    const action = name ? actions[name] : undefined;
    if (!action) throw errors.unknownOperation(target);
    const body = await readBody(req);
    const input = parseJson(body);
    const region = signedRegion(req) ?? DEFAULT_REGION;
    if (opts.iam) await authorizeCall(opts.iam, req, body, { action: name, region, input });
    const afterwards: Array<() => Promise<void>> = [];
    const output = await serially(async () => {
      try {
        return await action({ ...ctx, region, afterCall: (work) => afterwards.push(work) }, input as never);
      } finally {
        // Failures change state too (lockouts, spent sessions), so every call is saved.
        await store.flush();
      }
    });
    for (const work of afterwards) await work();
    sendJson(res, 200, output);
  }

  function wellKnown(res: ServerResponse, ctx: CognitoContext, poolId: string, document: string): void {
    const pool = ctx.store.state.pools[poolId];
    if (!pool) return sendJson(res, 404, { message: `User pool ${poolId} does not exist.` }, 'application/json');
    const issuer = ctx.tokens.issuer(poolId);
    const body =
      document === 'jwks.json'
        ? jwks(pool)
        : {
            issuer,
            jwks_uri: `${issuer}/.well-known/jwks.json`,
            id_token_signing_alg_values_supported: ['RS256'],
            subject_types_supported: ['public'],
            response_types_supported: ['code', 'token'],
          };
    sendJson(res, 200, body, 'application/json');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      if (!context) throw errors.internal();
      const path = (req.url ?? '/').split('?')[0]!;
      const known = WELL_KNOWN.exec(path);
      if (req.method === 'GET' && known) return wellKnown(res, context, known[1]!, known[2]!);
      if (req.method === 'POST' && path === '/') return await call(req, res, context);
      sendJson(res, 404, { message: 'Not found.' }, 'application/json');
    } catch (err) {
      if (!(err instanceof CognitoError)) console.error('Cognito emulator: internal error', err);
      sendError(res, err instanceof CognitoError ? err : errors.internal());
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  const port = await listen(server, opts.port, host);
  const url = httpUrl(host, port);
  context = createContext({ issuerBase: url, store, clock: opts.clock, deliver: opts.deliver, triggers: opts.triggers, passwordCost: opts.passwordCost });
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    close: () =>
      (closing ??= (async () => {
        await closeServer(server);
        await queue;
        await context?.messages.idle();
      })()),
  };
}
