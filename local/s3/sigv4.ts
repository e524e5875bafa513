import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { S3Error, s3Errors } from './errors';

/**
 * AWS Signature Version 4 as S3 checks it, for both forms the SDK produces: the Authorization
 * header (every SDK call) and the query string (presigned URLs, opened by a browser).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-authenticating-requests.html
 */

const ALGORITHM = 'AWS4-HMAC-SHA256';
/** S3 refuses presigned URLs meant to live longer than seven days. */
const MAX_EXPIRES_SECONDS = 604_800;

export interface SignedRequest {
  method: string;
  /** The path exactly as sent, still percent-encoded: S3 signs it without re-encoding. */
  rawPath: string;
  /** Query parameters, decoded, in the order sent. */
  query: ReadonlyArray<readonly [string, string]>;
  headers: IncomingHttpHeaders;
}

/** The secret of a known access key id; undefined for an unknown one. */
export type SecretOf = (accessKeyId: string) => string | undefined;

export interface Verification {
  /** The signer's key: whose policy decides what the request may do. */
  accessKeyId: string;
  /** The payload hash the signature covers: a hex SHA-256 to check the body against, or a marker. */
  payloadHash: string;
}

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** RFC 3986 encoding, as SigV4 canonical query strings need it. */
const uriEncode = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** `20240102T030405Z` → epoch milliseconds, or NaN. */
function parseAmzDate(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : NaN;
}

interface Scope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

function parseCredential(credential: string, fail: (message: string) => Error): Scope {
  const parts = credential.split('/');
  if (parts.length !== 5 || parts[4] !== 'aws4_request' || !/^\d{8}$/.test(parts[1]!)) {
    throw fail(`Error parsing the X-Amz-Credential parameter: "${credential}".`);
  }
  const [accessKeyId, date, region, service] = parts as [string, string, string, string];
  return { accessKeyId, date, region, service };
}

function canonicalRequest(req: SignedRequest, signedHeaders: string[], payloadHash: string): string {
  const query = req.query
    .filter(([key]) => key !== 'X-Amz-Signature')
    .map(([key, value]) => [uriEncode(key), uriEncode(value)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  const headers = signedHeaders
    .map((name) => `${name}:${(headerValue(req.headers, name) ?? '').trim().replace(/\s+/g, ' ')}\n`)
    .join('');
  return [req.method, req.rawPath, query, headers, signedHeaders.join(';'), payloadHash].join('\n');
}

function checkSignature(args: {
  req: SignedRequest;
  secretOf: SecretOf;
  scope: Scope;
  amzDate: string;
  signedHeaders: string[];
  payloadHash: string;
  signature: string;
}): void {
  const { scope } = args;
  const secretAccessKey = args.secretOf(scope.accessKeyId);
  if (secretAccessKey === undefined) throw s3Errors.unknownAccessKey(scope.accessKeyId);
  const scopeText = `${scope.date}/${scope.region}/${scope.service}/aws4_request`;
  const stringToSign = [
    ALGORITHM,
    args.amzDate,
    scopeText,
    sha256Hex(canonicalRequest(args.req, args.signedHeaders, args.payloadHash)),
  ].join('\n');
  const key = hmac(
    hmac(hmac(hmac(`AWS4${secretAccessKey}`, scope.date), scope.region), scope.service),
    'aws4_request',
  );
  const expected = Buffer.from(createHmac('sha256', key).update(stringToSign).digest('hex'));
  const given = Buffer.from(args.signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw s3Errors.signatureMismatch();
}

function verifyQuery(req: SignedRequest, secretOf: SecretOf, nowMs: number): Verification {
  const params = new Map(req.query);
  const param = (name: string) => {
    const value = params.get(name);
    if (!value) throw s3Errors.badQueryAuth(`Query-string authentication requires the ${name} parameter.`);
    return value;
  };
  if (param('X-Amz-Algorithm') !== ALGORITHM) throw s3Errors.badQueryAuth(`X-Amz-Algorithm only supports "${ALGORITHM}".`);
  const scope = parseCredential(param('X-Amz-Credential'), s3Errors.badQueryAuth);
  const amzDate = param('X-Amz-Date');
  const signedAt = parseAmzDate(amzDate);
  if (Number.isNaN(signedAt)) {
    throw s3Errors.badQueryAuth("X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\".");
  }
  const expiresText = param('X-Amz-Expires');
  const expires = Number(expiresText);
  if (!/^\d+$/.test(expiresText) || expires > MAX_EXPIRES_SECONDS) {
    throw s3Errors.badQueryAuth('X-Amz-Expires must be a whole number of seconds, at most 604800 (seven days).');
  }
  const expiresAt = signedAt + expires * 1000;
  if (nowMs > expiresAt) {
    throw s3Errors.expired({
      'X-Amz-Expires': expiresText,
      Expires: new Date(expiresAt).toISOString(),
      ServerTime: new Date(nowMs).toISOString(),
    });
  }
  const payloadHash = params.get('X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD';
  checkSignature({
    req,
    secretOf,
    scope,
    amzDate,
    signedHeaders: param('X-Amz-SignedHeaders').split(';'),
    payloadHash,
    signature: param('X-Amz-Signature'),
  });
  return { accessKeyId: scope.accessKeyId, payloadHash };
}

function verifyHeader(req: SignedRequest, authorization: string, secretOf: SecretOf): Verification {
  const [algorithm, ...rest] = authorization.trim().split(/\s+/);
  if (algorithm !== ALGORITHM) throw s3Errors.badHeaderAuth(`The authorization header must use ${ALGORITHM}.`);
  const fields = new Map(
    rest
      .join('')
      .split(',')
      .map((part) => {
        const at = part.indexOf('=');
        return [part.slice(0, at), part.slice(at + 1)] as const;
      }),
  );
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!credential || !signedHeaders || !signature) {
    throw s3Errors.badHeaderAuth('The authorization header needs Credential, SignedHeaders and Signature.');
  }
  const amzDate = headerValue(req.headers, 'x-amz-date');
  // No clock-skew check, unlike S3: tests move the stack's clock, and loopback has no replay risk to speak of.
  if (!amzDate || Number.isNaN(parseAmzDate(amzDate))) {
    throw s3Errors.badHeaderAuth('The request needs a valid x-amz-date header.');
  }
  const payloadHash = headerValue(req.headers, 'x-amz-content-sha256');
  if (!payloadHash) throw new S3Error(400, 'InvalidRequest', 'Missing required header for this request: x-amz-content-sha256');
  const scope = parseCredential(credential, s3Errors.badHeaderAuth);
  checkSignature({ req, secretOf, scope, amzDate, signedHeaders: signedHeaders.split(';'), payloadHash, signature });
  return { accessKeyId: scope.accessKeyId, payloadHash };
}

/**
 * Checks the request's signature against the signer's secret and, for presigned URLs, its
 * expiry against `nowMs`. Throws the S3Error S3 would answer with. The body is not read here:
 * the caller compares it with `payloadHash` (see `checkPayload`).
 */
export function verifySignature(req: SignedRequest, secretOf: SecretOf, nowMs: number): Verification {
  if (req.query.some(([key]) => key === 'X-Amz-Signature')) return verifyQuery(req, secretOf, nowMs);
  const authorization = headerValue(req.headers, 'authorization');
  if (authorization) return verifyHeader(req, authorization, secretOf);
  // The bucket blocks public access: an unsigned request is refused, as S3 does.
  throw s3Errors.accessDenied();
}

/** True when the signed payload hash is a digest the body must match (not an UNSIGNED/STREAMING marker). */
export const isPayloadDigest = (payloadHash: string) => /^[0-9a-f]{64}$/.test(payloadHash);

export function checkPayload(payloadHash: string, body: Buffer): void {
  if (isPayloadDigest(payloadHash) && sha256Hex(body) !== payloadHash) throw s3Errors.payloadMismatch();
}
