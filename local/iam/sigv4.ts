import { Hash } from '@smithy/core/serde';
import { SignatureV4 } from '@smithy/signature-v4';
import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Checks a request's SigV4 Authorization header by signing the same request again with the SDK's
 * own signer (the one the CLI and every AWS SDK client use) and comparing the signatures. Used by
 * the local AppSync, Cognito and SES; the local S3 has its own (local/s3/sigv4.ts: S3 signs the
 * path unencoded and accepts presigned URLs).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-signing-request.html
 */

export interface SignedRequest {
  method: string;
  /** Host as the client sent it, port included. */
  host: string;
  /** Path and query string. */
  url: string;
  /** Lower-cased names. */
  headers: Record<string, string>;
  body: string;
}

export type SignatureFault = 'malformed' | 'unknownKey' | 'mismatch' | 'expired';

export type SignatureCheck = { ok: true; accessKeyId: string } | { ok: false; fault: SignatureFault };

/** The texts AWS's services answer each fault with (AppSync and Cognito alike). */
export const SIGNATURE_FAULT_MESSAGES: Readonly<Record<SignatureFault, string>> = {
  unknownKey: 'The security token included in the request is invalid.',
  mismatch:
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
  malformed: 'Authorization header requires Credential, SignedHeaders and Signature parameters, in AWS4-HMAC-SHA256 form.',
  expired: 'Signature expired: the x-amz-date of the request is more than 15 minutes from the server time.',
};

const SCHEME = 'AWS4-HMAC-SHA256';
const AUTHORIZATION = /^AWS4-HMAC-SHA256\s+Credential=([^/\s,]+)\/(\d{8})\/([^/\s,]+)\/([^/\s,]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/;

export function isSigV4(authorization: string | undefined): boolean {
  return typeof authorization === 'string' && authorization.trimStart().startsWith(SCHEME);
}

/** 20260102T030405Z → Date */
function parseAmzDate(value: string | undefined): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  return new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
}

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export interface VerifyOptions {
  /** The service the signature must be scoped to: `appsync`, `cognito-idp`, `ses`. */
  service: string;
  /** The secret of a known access key id. */
  secretOf(accessKeyId: string): string | undefined;
  /** When set, a signature dated further than `maxSkewMs` from `now` is refused. */
  skew?: { now: Date; maxSkewMs: number };
}

export async function verifySigV4(request: SignedRequest, options: VerifyOptions): Promise<SignatureCheck> {
  const match = AUTHORIZATION.exec((request.headers.authorization ?? '').trim());
  if (!match) return { ok: false, fault: 'malformed' };
  const [, accessKeyId, , region, service, signedHeaderList, signature] = match as unknown as string[];
  const secretAccessKey = options.secretOf(accessKeyId!);
  if (secretAccessKey === undefined) return { ok: false, fault: 'unknownKey' };
  const signingDate = parseAmzDate(request.headers['x-amz-date']);
  if (!signingDate) return { ok: false, fault: 'malformed' };
  if (options.skew && Math.abs(options.skew.now.getTime() - signingDate.getTime()) > options.skew.maxSkewMs) {
    return { ok: false, fault: 'expired' };
  }
  if (service !== options.service) return { ok: false, fault: 'mismatch' };

  const signedHeaders = signedHeaderList!.split(';');
  if (!signedHeaders.includes('host')) return { ok: false, fault: 'malformed' };
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const value = name === 'host' ? request.host : request.headers[name];
    if (value === undefined) return { ok: false, fault: 'mismatch' };
    headers[name] = value;
  }
  // The signer trusts a declared payload hash; the body must then match it.
  const declared = headers['x-amz-content-sha256'];
  if (declared && declared !== createHash('sha256').update(request.body).digest('hex')) {
    return { ok: false, fault: 'mismatch' };
  }
  const url = new URL(request.url, `http://${request.host}`);
  const signer = new SignatureV4({
    credentials: { accessKeyId: accessKeyId!, secretAccessKey, sessionToken: headers['x-amz-security-token'] },
    region: region!,
    service: service!,
    sha256: Hash.bind(null, 'sha256'),
  });
  const resigned = await signer.sign(
    {
      method: request.method,
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body: request.body,
    },
    { signingDate, signableHeaders: new Set(signedHeaders) },
  );
  const expected = /Signature=([0-9a-f]{64})/.exec(resigned.headers.authorization ?? '')?.[1] ?? '';
  return sameText(expected, signature!) ? { ok: true, accessKeyId: accessKeyId! } : { ok: false, fault: 'mismatch' };
}

/** The request as the signer saw it, from a Node request whose body has been read. */
export function signedRequestOf(req: { method?: string; url?: string; headers: Record<string, string | string[] | undefined> }, body: string): SignedRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  return { method: req.method ?? 'GET', host: headers.host ?? '', url: req.url ?? '/', headers, body };
}
