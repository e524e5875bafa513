import { generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../functions/lib/errors';
import { Q, useAttackStack, type Tokens } from './stack';

/**
 * Forged and misused tokens against `me`, the operation that trusts a token most directly. Every
 * one must answer the same NotAuthorized error as a garbage token: no data, no hint of which check
 * failed.
 */

const attack = useAttackStack();
let tokens: Tokens;

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const partsOf = (jwt: string) => {
  const [header = '', payload = '', signature = ''] = jwt.split('.');
  return {
    header: JSON.parse(Buffer.from(header, 'base64url').toString()) as Record<string, unknown>,
    payload: JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>,
    signature,
    raw: [header, payload] as const,
  };
};

beforeAll(async () => {
  tokens = await attack.signUp('victim@example.com');
});

const FORGERIES: ReadonlyArray<[string, () => Promise<string> | string]> = [
  ['the id token as access token', () => tokens.idToken],
  ['the refresh token as access token', () => tokens.refreshToken],
  [
    'alg: none, signature dropped',
    () => {
      const { header, payload } = partsOf(tokens.accessToken);
      return `${b64({ ...header, alg: 'none' })}.${b64(payload)}.`;
    },
  ],
  [
    'a flipped signature',
    () => {
      const { raw, signature } = partsOf(tokens.accessToken);
      const flipped = Buffer.from(signature, 'base64url');
      flipped[0] = flipped[0]! ^ 0xff;
      return `${raw[0]}.${raw[1]}.${flipped.toString('base64url')}`;
    },
  ],
  [
    'an edited payload (another user, later expiry) with the original signature',
    () => {
      const { raw, payload, signature } = partsOf(tokens.accessToken);
      return `${raw[0]}.${b64({ ...payload, sub: '00000000-0000-4000-8000-000000000000', exp: Number(payload.exp) + 86_400 })}.${signature}`;
    },
  ],
  [
    'a token signed by a foreign issuer with its own key',
    async () => {
      const { header, payload } = partsOf(tokens.accessToken);
      const { privateKey } = await generateKeyPair('RS256');
      return new SignJWT({ ...payload, iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Attacker1' })
        .setProtectedHeader({ alg: 'RS256', kid: String(header.kid) })
        .sign(privateKey);
    },
  ],
  ['garbage', () => 'not.a.token'],
];

describe('forged or misused tokens against me', () => {
  it('the genuine access token works, so every refusal below is about the token', async () => {
    const answer = await attack.gql<{ me: { email: string } }>(Q.me, {}, { token: tokens.accessToken });
    expect(answer.data?.me.email).toBe('victim@example.com');
  });

  it.each(FORGERIES)('%s is refused as NotAuthorized, in the header and the argument alike', async (_name, forge) => {
    const token = await forge();
    for (const answer of [await attack.gql(Q.me, {}, { token }), await attack.gql(Q.me, { accessToken: token })]) {
      expect(answer.data).toBeNull();
      expect(answer.errors).toEqual([expect.objectContaining({ path: ['me'], errorType: 'NotAuthorized', message: messages.badToken })]);
    }
  });
});
