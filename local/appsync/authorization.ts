import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { isObjectType } from 'graphql';
import { operations, type AuthMode } from '../../operations';
import { UNAUTHORIZED, type RefusalBody } from './errors';
import { ResolverError } from './util';
import { isSigV4, verifySigV4, type IamCredential } from './sigv4';

/**
 * AppSync's two authorization modes here: the API key (the default, for user fields) and IAM
 * (SigV4, for admin fields). A request is authenticated once, by the mode its headers choose;
 * each root field then allows only the mode operations.ts (and its schema directive) names.
 * https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html
 */

/** AppSync's `ctx.identity` for an IAM-signed request; API-key requests have none. */
export interface IamIdentity {
  accountId: string;
  cognitoIdentityPoolId: null;
  cognitoIdentityId: null;
  sourceIp: string[];
  username: string;
  userArn: string;
  cognitoIdentityAuthType: null;
  cognitoIdentityAuthProvider: null;
}

export type Caller = { mode: 'apiKey' } | { mode: 'iam'; identity: IamIdentity };

export interface AuthSettings {
  apiKey: string;
  /** Operator identities accepted on IAM fields. */
  iamCredentials: readonly IamCredential[];
}

export type Authentication = { ok: true; caller: Caller } | { ok: false; refusal: RefusalBody };

const refusal = (message: string): RefusalBody => ({ errors: [{ errorType: 'UnauthorizedException', message }] });

function sameKey(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  // Compare digests so the time taken says nothing about the key.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The account id inside an IAM ARN (arn:aws:iam::<account>:user/name). */
const accountOf = (arn: string) => arn.split(':')[4] ?? '';

/** Which mode the request uses and whether its credential holds; refused with AppSync's 401 body. */
export async function authenticate(req: IncomingMessage, body: string, settings: AuthSettings): Promise<Authentication> {
  const authorization = req.headers.authorization;
  if (isSigV4(authorization)) {
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([name, value]) => [name.toLowerCase(), Array.isArray(value) ? value.join(',') : (value ?? '')]),
    );
    const verified = await verifySigV4(
      { method: req.method ?? 'POST', host: req.headers.host ?? '', url: req.url ?? '/', headers, body },
      settings.iamCredentials,
    );
    if (!verified.ok) return { ok: false, refusal: refusal(verified.message) };
    const { credential } = verified;
    return {
      ok: true,
      caller: {
        mode: 'iam',
        identity: {
          accountId: accountOf(credential.userArn),
          cognitoIdentityPoolId: null,
          cognitoIdentityId: null,
          sourceIp: [req.socket.remoteAddress ?? '127.0.0.1'],
          username: credential.accessKeyId,
          userArn: credential.userArn,
          cognitoIdentityAuthType: null,
          cognitoIdentityAuthProvider: null,
        },
      },
    };
  }
  if (sameKey(req.headers['x-api-key'], settings.apiKey)) return { ok: true, caller: { mode: 'apiKey' } };
  return { ok: false, refusal: UNAUTHORIZED };
}

const modeOf = new Map<string, AuthMode>(operations.map((op) => [`${op.type}.${op.field}`, op.auth]));

/**
 * AppSync answers a field the caller's mode may not use with this error (HTTP 200, the field null);
 * the other fields of the request still run.
 */
export function assertFieldAllowed(parentType: string, field: string, caller: Caller): void {
  const mode = modeOf.get(`${parentType}.${field}`);
  if (mode && mode !== caller.mode) {
    throw new ResolverError(`Not Authorized to access ${field} on type ${parentType}`, 'Unauthorized');
  }
}

const DIRECTIVE: Readonly<Record<AuthMode, string>> = { apiKey: 'aws_api_key', iam: 'aws_iam' };

/** The runtime enforces the table's auth column; the schema's directives, which AppSync enforces, must agree. */
export function assertDirectivesMatchTable(schema: GraphQLSchema): void {
  for (const op of operations) {
    const type = schema.getType(op.type);
    const node = isObjectType(type) ? type.getFields()[op.field]?.astNode : undefined;
    const names = node?.directives?.map((d) => d.name.value) ?? [];
    if (!names.includes(DIRECTIVE[op.auth]) || names.includes(DIRECTIVE[op.auth === 'iam' ? 'apiKey' : 'iam'])) {
      throw new Error(`schema.graphql must mark ${op.type}.${op.field} @${DIRECTIVE[op.auth]} only, as operations.ts says.`);
    }
  }
}
