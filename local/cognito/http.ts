import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CognitoError, errors } from './errors';

/** Cognito's requests are small; anything far larger is not a Cognito call. */
const MAX_BODY_BYTES = 1024 * 1024;

export const JSON_1_1 = 'application/x-amz-json-1.1';

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new CognitoError('SerializationException', 'The request body is too large.', 413);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function parseJson(body: string): Record<string, unknown> {
  try {
    const value: unknown = body.trim() ? JSON.parse(body) : {};
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // Reported below, like any other body that is not a JSON object.
  }
  throw errors.serialization();
}

/** The region the SDK signed for, from `Credential=<key>/<date>/<region>/...`; unsigned calls have none. */
export function signedRegion(req: IncomingMessage): string | undefined {
  return /Credential=[^/]+\/\d{8}\/([a-z0-9-]+)\//.exec(req.headers.authorization ?? '')?.[1];
}

/** The JSON 1.1 protocol sends dates as epoch seconds. */
function toWire(this: unknown, key: string, value: unknown): unknown {
  const raw = (this as Record<string, unknown>)[key];
  return raw instanceof Date ? raw.getTime() / 1000 : value;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, contentType = JSON_1_1): void {
  const text = JSON.stringify(body, toWire);
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
  });
  res.end(text);
}

/** Cognito's error shape: `__type` names the exception the SDK throws. */
export function sendError(res: ServerResponse, err: CognitoError): void {
  res.setHeader('x-amzn-errortype', err.type);
  sendJson(res, err.status, { __type: err.type, message: err.message });
}
