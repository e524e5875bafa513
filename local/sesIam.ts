import type { IncomingMessage, ServerResponse } from 'node:http';
import { sesIdentityArn } from './iam/arns';
import { deniedMessage, LOCAL_ACCOUNT_ID, type IamDirectory } from './iam/directory';
import { SIGNATURE_FAULT_MESSAGES, signedRequestOf, verifySigV4 } from './iam/sigv4';

/**
 * SES's check of a send: signed by a known key (SigV4, service `ses`) and allowed ses:SendEmail on
 * the sending identity, the resource SES authorises sends against.
 * https://docs.aws.amazon.com/ses/latest/dg/control-user-access.html
 */

export interface SesIam {
  directory: IamDirectory;
  /** Defaults to the local account. */
  accountId?: string;
}

/** An SES error answer in the SES v2 (REST JSON) shape: the type in x-amzn-ErrorType, the message in the body. */
export interface SesRefusal {
  status: number;
  type: string;
  message: string;
}

/** The identity a send acts on: the one named, else the sender's domain (the identity that verified it). */
export function sendingIdentityArn(region: string, accountId: string, body: Record<string, unknown>): string {
  if (typeof body.FromEmailAddressIdentityArn === 'string' && body.FromEmailAddressIdentityArn) return body.FromEmailAddressIdentityArn;
  const from = typeof body.FromEmailAddress === 'string' ? body.FromEmailAddress : '';
  return sesIdentityArn(region, /<([^>]+)>/.exec(from)?.[1] ?? from, accountId);
}

/** The SES v2 SendEmail call; everything else the mailbox serves (its UI, /store) is the local stack's own. */
export const isSendEmail = (req: IncomingMessage) => req.method === 'POST' && (req.url ?? '').split('?')[0] === '/v2/email/outbound-emails';

/**
 * Answers for requests SES cannot authenticate or authorise, as AWS's REST JSON services give them.
 * https://docs.aws.amazon.com/ses/latest/APIReference-V2/CommonErrors.html
 */
export async function refusalOf(iam: SesIam, req: IncomingMessage, body: string): Promise<SesRefusal | undefined> {
  if (!req.headers.authorization) return { status: 403, type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' };
  const check = await verifySigV4(signedRequestOf(req, body), { service: 'ses', secretOf: iam.directory.secretOf });
  if (!check.ok) {
    return check.fault === 'unknownKey'
      ? { status: 403, type: 'UnrecognizedClientException', message: SIGNATURE_FAULT_MESSAGES.unknownKey }
      : { status: 403, type: 'InvalidSignatureException', message: 'The request signature we calculated does not match the signature you provided.' };
  }
  const principal = iam.directory.principal(check.accessKeyId)!;
  const region = /Credential=[^/]+\/\d{8}\/([a-z0-9-]+)\//.exec(req.headers.authorization)?.[1] ?? 'us-east-1';
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(body) as Record<string, unknown>;
  } catch {
    return { status: 400, type: 'BadRequestException', message: 'The request body is not valid JSON.' };
  }
  const resource = sendingIdentityArn(region, iam.accountId ?? LOCAL_ACCOUNT_ID, parsed);
  if (iam.directory.authorize('ses', principal, 'ses:SendEmail', resource)) return undefined;
  return { status: 403, type: 'AccessDeniedException', message: deniedMessage(principal.arn, 'ses:SendEmail', resource) };
}

export function sendRefusal(res: ServerResponse, refusal: SesRefusal): void {
  const text = JSON.stringify({ message: refusal.message });
  res.writeHead(refusal.status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'x-amzn-errortype': refusal.type,
    connection: 'close',
  });
  res.end(text);
}
