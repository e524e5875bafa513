import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Plain HTTP plumbing for the GraphQL endpoint. Bodies are never logged: they carry passwords. */

/** Larger request bodies are refused unread. */
export const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
}

/** Browsers on any origin may call the API, as with an AppSync API key. */
export const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers':
    'content-type, x-api-key, authorization, x-amz-date, x-amz-security-token, x-amz-user-agent',
  'access-control-max-age': '86400',
} as const;

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) return Promise.reject(new BodyTooLargeError());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLargeError());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Header names lower-cased; repeated headers joined as HTTP allows. */
export function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/**
 * A page for this origin only: no CORS headers, so no other site's script can read it (the GraphiQL
 * page embeds the API key), and no framing by another site.
 */
export const SAME_ORIGIN_ONLY = { 'x-frame-options': 'DENY', 'cache-control': 'no-store' } as const;

export function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  contentType: string,
  extraHeaders: Record<string, string> = {},
  cors = true,
): void {
  res.writeHead(status, {
    ...(cors ? CORS_HEADERS : {}),
    'content-type': contentType,
    'content-length': String(Buffer.byteLength(body)),
    ...extraHeaders,
  });
  res.end(body);
}

/** JSON the way AppSync answers, with a request id as AppSync sets one. */
export function sendJson(res: ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  send(res, status, JSON.stringify(body), 'application/json; charset=UTF-8', {
    'x-amzn-requestid': randomUUID(),
    ...extraHeaders,
  });
}
