import { beforeAll, describe, expect, it } from 'vitest';
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
