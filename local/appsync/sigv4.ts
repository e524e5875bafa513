import { isSigV4, SIGNATURE_FAULT_MESSAGES, verifySigV4 as verifySignature, type SignedRequest } from '../iam/sigv4';

/**
 * AppSync's check of a SigV4-signed request (the shared verifier in local/iam/sigv4.ts), with the
 * texts AWS answers each fault with.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-signing-request.html
 */

export { isSigV4, type SignedRequest };

/** An operator identity the local stack knows, as IAM would. */
export interface IamCredential {
  accessKeyId: string;
  secretAccessKey: string;
  /** What AppSync passes to resolvers as `ctx.identity.userArn`. */
  userArn: string;
}

export type Verification = { ok: true; credential: IamCredential } | { ok: false; message: string };

/** AWS refuses a signature whose x-amz-date is more than 15 minutes off. */
const MAX_SKEW_MS = 15 * 60 * 1000;

/** AppSync's answers, with the texts AWS uses for the same faults. */
export const SIGV4_MESSAGES = SIGNATURE_FAULT_MESSAGES;

export async function verifySigV4(
  request: SignedRequest,
  credentials: readonly IamCredential[],
  now: Date = new Date(),
): Promise<Verification> {
  const check = await verifySignature(request, {
    service: 'appsync',
    secretOf: (id) => credentials.find((c) => c.accessKeyId === id)?.secretAccessKey,
    skew: { now, maxSkewMs: MAX_SKEW_MS },
  });
  if (!check.ok) return { ok: false, message: SIGV4_MESSAGES[check.fault] };
  return { ok: true, credential: credentials.find((c) => c.accessKeyId === check.accessKeyId)! };
}
