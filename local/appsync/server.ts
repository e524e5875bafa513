import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { closeServer, httpUrl, listen, LOOPBACK } from '../net';
import { authenticate, assertDirectivesMatchTable, type AuthSettings } from './authorization';
import { malformed } from './errors';
import { runGraphQL, type Backends, type GraphQLRequest } from './execute';
import { ASSET_PREFIX, graphiqlAsset, graphiqlPage } from './graphiql';
import { HttpDataSources, type HttpDataSourceKind } from './httpDataSource';
import { BodyTooLargeError, CORS_HEADERS, headersOf, readBody, SAME_ORIGIN_ONLY, send, sendJson } from './http';
import { APPSYNC_DEFAULT_LIMITS, type ApiLimits } from './limits';
import { ResolverCodeCache } from './resolverCode';
import { loadSchema } from './schema';
import type { IamCredential } from './sigv4';
import { inProcessFunctions, type FunctionRuntime } from './lambda';

/**
 * The local AppSync endpoint: serves schema.graphql at /graphql with API-key auth, runs each
 * field's resolver from resolvers/ and its function from functions/ in this process (or, for the
 * fields served by Cognito directly, sends the resolver's HTTP request to Cognito), and answers
 * in AppSync's shapes. GET /graphql (and /) is an offline GraphiQL with every operation ready.
 */

export interface AppSyncRuntimeOptions {
  /** 0 picks a free port. */
  port: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  apiKey: string;
  /** The environment file's api.resolverCountLimit, queryDepthLimit and introspection; AppSync's defaults otherwise. */
  limits?: ApiLimits;
  /** Operator identities whose SigV4-signed requests may call the admin (@aws_iam) fields. */
  iamCredentials?: readonly IamCredential[];
  /** The API's environment variables, `ctx.env` in resolvers (CDK sets the same on the deployed API). */
  environmentVariables?: Readonly<Record<string, string>>;
  /** Base URL of each HTTP data source: `cognito` is the Cognito emulator, as CDK points it at Cognito's regional endpoint. */
  httpEndpoints?: Partial<Record<HttpDataSourceKind, string>>;
  /** How functions run; defaults to in this process (tests that mock the SDK), the stack runs each in its own worker. */
  functions?: FunctionRuntime;
}

export interface AppSyncRuntime {
  /** http://host:port/graphql */
  url: string;
  port: number;
  close(): Promise<void>;
}

const GRAPHQL_PATH = '/graphql';

/** The body AppSync accepts: a JSON object with a query string; anything else is malformed. */
function parseRequest(body: string): GraphQLRequest | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const { query, variables, operationName } = parsed as Record<string, unknown>;
  if (typeof query !== 'string' || query.trim() === '') return undefined;
  if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) return undefined;
  if (operationName != null && typeof operationName !== 'string') return undefined;
  return {
    query,
    variables: (variables ?? {}) as Record<string, unknown>,
    operationName: operationName ?? undefined,
  };
}

interface Served {
  schema: GraphQLSchema;
  resolvers: ResolverCodeCache;
  auth: AuthSettings;
  limits: ApiLimits;
  backends: Backends;
}

async function handleGraphQL(req: IncomingMessage, res: ServerResponse, served: Served): Promise<void> {
  let body: string;
  try {
    body = await readBody(req);
  } catch (err) {
    if (!(err instanceof BodyTooLargeError)) throw err;
    sendJson(res, 413, malformed('Request body is too large.'), { connection: 'close' });
    return;
  }
  // After reading: a SigV4 signature covers the body.
  const authentication = await authenticate(req, body, served.auth);
  if (!authentication.ok) {
    sendJson(res, 401, authentication.refusal, { 'x-amzn-errortype': 'UnauthorizedException' });
    return;
  }
  if (body.trim() === '') {
    sendJson(res, 400, malformed('Request body is empty.'));
    return;
  }
  const request = parseRequest(body);
  if (!request) {
    sendJson(res, 400, malformed('Unable to parse GraphQL query.'));
    return;
  }
  const answer = await runGraphQL(served.schema, served.resolvers, request, headersOf(req), served.limits, authentication.caller, served.backends);
  if ('refused' in answer) sendJson(res, answer.refused.status, answer.refused.body);
  else sendJson(res, 200, answer);
}

async function handle(req: IncomingMessage, res: ServerResponse, served: Served): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://local').pathname;
  if (req.method === 'OPTIONS') {
    res.writeHead(200, { ...CORS_HEADERS, 'content-length': '0' });
    res.end();
    return;
  }
  if (req.method === 'POST' && path === GRAPHQL_PATH) return handleGraphQL(req, res, served);
  if (req.method === 'GET' && (path === GRAPHQL_PATH || path === '/')) {
    // The page holds the API key: readable by this origin only.
    send(res, 200, graphiqlPage(served.schema, served.auth.apiKey, GRAPHQL_PATH), 'text/html; charset=UTF-8', SAME_ORIGIN_ONLY, false);
    return;
  }
  const asset = req.method === 'GET' && path.startsWith(ASSET_PREFIX) ? graphiqlAsset(path.slice(ASSET_PREFIX.length)) : undefined;
  if (asset) {
    send(res, 200, asset.body, asset.contentType, { 'cache-control': 'no-cache' });
    return;
  }
  // The request's own path is not echoed: an answer never reflects what the caller sent.
  sendJson(res, 404, { errors: [{ errorType: 'NotFoundException', message: `Nothing is served here: POST ${GRAPHQL_PATH} for GraphQL, GET / for GraphiQL.` }] });
}

export async function startAppSyncRuntime(opts: AppSyncRuntimeOptions): Promise<AppSyncRuntime> {
  const host = opts.host ?? LOOPBACK;
  const schema = loadSchema();
  assertDirectivesMatchTable(schema);
  const auth = { apiKey: opts.apiKey, iamCredentials: opts.iamCredentials ?? [] };
  const http = new HttpDataSources(opts.httpEndpoints ?? {});
  const served: Served = {
    schema,
    resolvers: new ResolverCodeCache(),
    auth,
    limits: opts.limits ?? APPSYNC_DEFAULT_LIMITS,
    backends: { env: { ...opts.environmentVariables }, http, functions: opts.functions ?? inProcessFunctions },
  };
  const server = createServer((req, res) => {
    handle(req, res, served).catch((err: unknown) => {
      // A fault of this runtime, not of the request: say so without echoing the request.
      console.error(`Local GraphQL runtime error: ${(err as Error)?.stack ?? String(err)}`);
      if (!res.headersSent) sendJson(res, 500, { errors: [{ errorType: 'InternalFailure', message: 'The local runtime failed.' }] });
      else res.destroy();
    });
  });
  const port = await listen(server, opts.port, host);
  return {
    url: `${httpUrl(host, port)}${GRAPHQL_PATH}`,
    port,
    close: () => closeServer(server).finally(() => http.close()),
  };
}
