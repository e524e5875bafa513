import { Hash } from '@smithy/core/serde';
import { SignatureV4 } from '@smithy/signature-v4';
import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Checks an AppSync request's SigV4 signature by signing the same request again with the SDK's
 * own signer (the one the CLI and every AWS SDK client use) and comparing the signatures.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-signing-request.html
 */

/** An operator identity the local stack knows, as IAM would. */
export interface IamCredential {
  accessKeyId: string;
  secretAccessKey: string;
  /** What AppSync passes to resolvers as `ctx.identity.userArn`. */
  userArn: string;
}

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

export type Verification = { ok: true; credential: IamCredential } | { ok: false; message: string };

const SCHEME = 'AWS4-HMAC-SHA256';
const AUTHORIZATION = /^AWS4-HMAC-SHA256\s+Credential=([^/\s,]+)\/(\d{8})\/([^/\s,]+)\/([^/\s,]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/;
/** AWS refuses a signature whose x-amz-date is more than 15 minutes off. */
const MAX_SKEW_MS = 15 * 60 * 1000;

/** AppSync's answers, with the texts AWS uses for the same faults. */
export const SIGV4_MESSAGES = {
  unknownKey: 'The security token included in the request is invalid.',
  mismatch:
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
  malformed: 'Authorization header requires Credential, SignedHeaders and Signature parameters, in AWS4-HMAC-SHA256 form.',
  expired: 'Signature expired: the x-amz-date of the request is more than 15 minutes from the server time.',
} as const;

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

export async function verifySigV4(
  request: SignedRequest,
  credentials: readonly IamCredential[],
  now: Date = new Date(),
): Promise<Verification> {
  const match = AUTHORIZATION.exec((request.headers.authorization ?? '').trim());
  if (!match) return { ok: false, message: SIGV4_MESSAGES.malformed };
  const [, accessKeyId, , region, service, signedHeaderList, signature] = match as unknown as string[];
  const credential = credentials.find((c) => c.accessKeyId === accessKeyId);
  if (!credential) return { ok: false, message: SIGV4_MESSAGES.unknownKey };
  const signingDate = parseAmzDate(request.headers['x-amz-date']);
  if (!signingDate) return { ok: false, message: SIGV4_MESSAGES.malformed };
  if (Math.abs(now.getTime() - signingDate.getTime()) > MAX_SKEW_MS) return { ok: false, message: SIGV4_MESSAGES.expired };
  if (service !== 'appsync') return { ok: false, message: SIGV4_MESSAGES.mismatch };

  const signedHeaders = signedHeaderList!.split(';');
  if (!signedHeaders.includes('host')) return { ok: false, message: SIGV4_MESSAGES.malformed };
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const value = name === 'host' ? request.host : request.headers[name];
    if (value === undefined) return { ok: false, message: SIGV4_MESSAGES.mismatch };
    headers[name] = value;
  }
  // The signer trusts a declared payload hash; the body must then match it.
  const declared = headers['x-amz-content-sha256'];
  if (declared && declared !== createHash('sha256').update(request.body).digest('hex')) {
    return { ok: false, message: SIGV4_MESSAGES.mismatch };
  }
  const url = new URL(request.url, `http://${request.host}`);
  const signer = new SignatureV4({
    credentials: { accessKeyId: credential.accessKeyId, secretAccessKey: credential.secretAccessKey, sessionToken: headers['x-amz-security-token'] },
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
  return sameText(expected, signature!) ? { ok: true, credential } : { ok: false, message: SIGV4_MESSAGES.mismatch };
}
