import { beforeAll, describe, expect, it } from 'vitest';
import { SoftAuthenticator } from '../local/cognito/softAuthenticator';
import { PASSWORD, Q, useAttackStack } from './stack';

/**
 * Every public operation that takes an e-mail answers byte for byte the same whether the address
 * is unknown, invited (still on its temporary password) or fully enrolled. Addresses share their
 * first letter and domain, so even a masked delivery destination is the same.
 */

const attack = useAttackStack();

const ADDRESSES = {
  unknown: 'kurt@example.com',
  invited: 'kim@example.com',
  enrolled: 'kate@example.com',
} as const;

const CODE_REQUESTS: ReadonlyArray<[string, string, (email: string) => Record<string, unknown>]> = [
  ['createUser', Q.createUser, (email) => ({ input: { email, fullName: 'Same Name' } })],
  ['forgotPassword', Q.forgotPassword, (email) => ({ input: { email } })],
  ['resendTemporaryPassword', Q.resendTemporaryPassword, (email) => ({ input: { email } })],
  ['resendMfaQrCode (wrong password)', Q.resendMfaQrCode, (email) => ({ input: { email, password: 'Wrong-Password-9?' } })],
  ['resendMfaQrCode (no password)', Q.resendMfaQrCode, (email) => ({ input: { email } })],
  [
    'recoverAccount (wrong password)',
    'mutation ($input: RecoverAccountInput!) { recoverAccount(input: $input) { verificationType } }',
    (email) => ({ input: { email, password: 'Wrong-Password-9?', recoveryCode: 'aaaaa-aaaaa' } }),
  ],
  ['login (wrong password)', Q.login, (email) => ({ input: { email, password: 'Wrong-Password-9?' } })],
  [
    'confirmUser (wrong temporary password)',
    'mutation ($input: ConfirmUserInput!) { confirmUser(input: $input) { userId } }',
    (email) => ({ input: { email, temporaryPassword: 'Not-The-Temp-1!', newPassword: PASSWORD } }),
  ],
  [
    'confirmForgotPassword (wrong code)',
    'mutation ($input: ConfirmForgotPasswordInput!) { confirmForgotPassword(input: $input) { email } }',
    (email) => ({ input: { email, verificationCode: '000000', newPassword: PASSWORD } }),
  ],
];

/** The answer with the address itself (which every answer may echo) replaced. */
async function answerFor(query: string, variables: Record<string, unknown>, email: string): Promise<string> {
  const answer = await attack.gql(query, variables);
  return JSON.stringify(answer).split(email).join('<address>');
}

beforeAll(async () => {
  await attack.invite(ADDRESSES.invited);
  await attack.signUp(ADDRESSES.enrolled);
});

describe('answers do not tell whether an address has an account, or in which state', () => {
  it.each(CODE_REQUESTS)('%s', async (_name, query, variables) => {
    const answers: Record<string, string> = {};
    for (const [state, email] of Object.entries(ADDRESSES)) answers[state] = await answerFor(query, variables(email), email);
    await attack.settled();
    expect(answers.invited).toBe(answers.unknown);
    expect(answers.enrolled).toBe(answers.unknown);
  });
});

describe('passkey sign-in does not tell whether an address has an account, or a passkey', () => {
  const origin = 'http://localhost:5173';
  const holder = 'kelly@example.com';
  const attackerKey = new SoftAuthenticator(origin);
  const start = (email: string) =>
    attack.gql<{ startPasskeySignIn: { email: string; options: string; session: string } }>(
      'mutation ($input: StartPasskeySignInInput!) { startPasskeySignIn(input: $input) { email options session } }',
      { input: { email } },
    );
  const finish = (email: string, session: string, credential: unknown) =>
    attack.gql('mutation ($input: FinishPasskeySignInInput!) { finishPasskeySignIn(input: $input) { accessToken } }', {
      input: { email, session, credential: JSON.stringify(credential) },
    });
  const addresses = { ...ADDRESSES, passkey: holder };

  beforeAll(async () => {
    // Kelly has a passkey of her own; the others have none.
    const { accessToken } = await attack.signUp(holder);
    const key = new SoftAuthenticator(origin);
    const begun = await attack.gql<{ startPasskeyRegistration: { options: string } }>('mutation { startPasskeyRegistration { options } }', {}, { token: accessToken });
    const options = JSON.parse(begun.data!.startPasskeyRegistration.options);
    const stored = await attack.gql(
      'mutation ($input: FinishPasskeyRegistrationInput!) { finishPasskeyRegistration(input: $input) { id } }',
      { input: { credential: JSON.stringify(key.register(options)) } },
      { token: accessToken },
    );
    expect(stored.errors).toBeUndefined();
  });

  it('startPasskeySignIn answers every address with the same fields, values of the same kind and no passkey ids', async () => {
    const shapes: Record<string, string> = {};
    for (const [state, email] of Object.entries(addresses)) {
      const answer = (await start(email)).data!.startPasskeySignIn;
      const options = JSON.parse(answer.options) as Record<string, unknown>;
      expect(answer.email).toBe(email);
      shapes[state] = JSON.stringify({
        keys: Object.keys(options),
        challenge: String(options.challenge).length,
        session: answer.session.length,
        rest: { ...options, challenge: undefined },
      });
    }
    expect(new Set(Object.values(shapes)).size).toBe(1);
  });

  it("finishPasskeySignIn refuses an attacker's passkey with the same answer for every address", async () => {
    const answers: Record<string, string> = {};
    for (const [state, email] of Object.entries(addresses)) {
      const begun = (await start(email)).data!.startPasskeySignIn;
      answers[state] = JSON.stringify(await finish(email, begun.session, attackerKey.assert(JSON.parse(begun.options)))).split(email).join('<address>');
    }
    expect(answers.unknown).toContain('NotAuthorized');
    for (const answer of Object.values(answers)) expect(answer).toBe(answers.unknown);
  });
});
