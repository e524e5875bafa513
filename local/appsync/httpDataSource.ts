import { Agent, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { DataSourceKind } from '../../operations';
import { ResolverError } from './util';

/**
 * AppSync's HTTP data source, locally: the resolver's request object becomes one real HTTP request
 * to the data source's endpoint, and the answer, whatever its status, becomes `ctx.result`
 * `{statusCode, headers, body}`; only a request that got no answer sets `ctx.error`.
 * https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-http-js.html
 */

export type HttpDataSourceKind = Exclude<DataSourceKind, 'lambda'>;

/** The resolver's request handler result for an HTTP data source. */
export interface HttpRequest {
  method: string;
  resourcePath: string;
  headers: Record<string, string>;
  query: Record<string, string>;
  body: string | undefined;
}

export type HttpOutcome =
  | { result: { statusCode: number; headers: Record<string, string>; body: string }; error?: undefined }
  | { result: null; error: { message: string; type: string } };

const METHODS = new Set(['PUT', 'POST', 'GET', 'DELETE', 'PATCH']);

/** "You can't set the following HTTP headers" (the page above, Params fields). */
const RESERVED_HEADERS = new Set(['host', 'connection', 'user-agent', 'expectation', 'expect', 'transfer-encoding', 'transfer_encoding', 'content-length', 'content_length']);

/** "Currently supported Content-Type headers" (the page above, Params fields). */
const CONTENT_TYPES = [
  /^text\/[\w.+-]+/,
  /^application\/(xml|json|soap\+xml|x-amz-json-1\.0|x-amz-json-1\.1|vnd\.api\+json|x-ndjson)\b/,
];

/** "Request execution time for mutations, queries, and subscriptions: 30 seconds" (https://docs.aws.amazon.com/general/latest/gr/appsync.html). */
export const HTTP_TIMEOUT_MS = 30_000;

function refuse(message: string): never {
  throw new ResolverError(message, 'MappingTemplate');
}

function stringMap(value: unknown, what: string): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) refuse(`${what} must be an object.`);
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, item]) => {
      if (typeof item !== 'string') refuse(`${what}.${key} must be a string.`);
      return [key, item];
    }),
  );
}

/** Checks what the request handler returned as AppSync would before sending anything. */
export function httpRequestOf(value: unknown): HttpRequest {
  const request = (value ?? {}) as { method?: unknown; resourcePath?: unknown; params?: { headers?: unknown; query?: unknown; body?: unknown } };
  if (typeof request.method !== 'string' || !METHODS.has(request.method)) refuse("Value for field '$[method]' must be PUT, POST, GET, DELETE or PATCH.");
  if (typeof request.resourcePath !== 'string' || !request.resourcePath.startsWith('/')) refuse("Value for field '$[resourcePath]' must be a path starting with /.");
  const headers = stringMap(request.params?.headers, 'params.headers');
  for (const name of Object.keys(headers)) {
    if (RESERVED_HEADERS.has(name.toLowerCase())) refuse(`The ${name} header cannot be set.`);
  }
  const contentType = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
  if (contentType !== undefined && !CONTENT_TYPES.some((pattern) => pattern.test(contentType.toLowerCase()))) {
    refuse(`Content-Type ${contentType} is not supported.`);
  }
  const body = request.params?.body;
  return {
    method: request.method,
    resourcePath: request.resourcePath,
    headers,
    query: stringMap(request.params?.query, 'params.query'),
    body: body === undefined || body === null ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  };
}

/** The HTTP data sources of one runtime: each kind's endpoint, over kept-alive connections. */
export class HttpDataSources {
  private readonly agent = new Agent({ keepAlive: true });

  constructor(private readonly endpoints: Partial<Record<HttpDataSourceKind, string>>) {}

  send(kind: HttpDataSourceKind, request: HttpRequest, timeoutMs = HTTP_TIMEOUT_MS): Promise<HttpOutcome> {
    const endpoint = this.endpoints[kind];
    if (!endpoint) throw new Error(`The local runtime has no endpoint for the ${kind} data source.`);
    const url = new URL(request.resourcePath, endpoint);
    for (const [name, value] of Object.entries(request.query)) url.searchParams.set(name, value);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve) => {
      const failed = (message: string) => resolve({ result: null, error: { message, type: 'HttpRequestFailed' } });
      const outgoing = send(
        url,
        { method: request.method, headers: request.headers, agent: url.protocol === 'https:' ? undefined : this.agent, timeout: timeoutMs },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('error', () => failed('The HTTP answer was cut off.'));
          incoming.on('end', () => {
            const headers = Object.fromEntries(Object.entries(incoming.headers).map(([name, value]) => [name, [value ?? ''].flat().join(', ')]));
            resolve({ result: { statusCode: incoming.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') } });
          });
        },
      );
      // The data source's endpoint is named, never the request: its body may carry tokens.
      outgoing.on('timeout', () => outgoing.destroy(new Error(`No answer from ${url.origin} within ${timeoutMs} ms.`)));
      outgoing.on('error', (err) => failed(`Could not reach ${url.origin}: ${err.message}`));
      outgoing.end(request.body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
