import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AdminResetUserPassword } from '../../../local/cognito/actions/AdminResetUserPassword';
import { ChangePassword } from '../../../local/cognito/actions/ChangePassword';
import { ConfirmForgotPassword } from '../../../local/cognito/actions/ConfirmForgotPassword';
import { ForgotPassword } from '../../../local/cognito/actions/ForgotPassword';
import { HOUR, SECOND } from '../../../local/cognito/clock';
import { keyedHash } from '../../../local/cognito/keyedHash';
import { createContext } from '../../../local/cognito/context';
import { checkPassword, effectivePolicy, generateTemporaryPassword, hashPassword, PASSWORD_COST, verifyPassword } from '../../../local/cognito/passwords';
import { RESET_ATTEMPTS_PER_HOUR } from '../../../local/cognito/resetCodes';
import { TEST_PASSWORD_COST } from '../../helpers';
import { enrolledUser, expectFailure, failure, invite, NEW_PASSWORD, PASSWORD, signIn, world, type World } from './fixtures';

/** ForgotPassword, then the e-mail it queued. */
async function forgot(w: World, Username: string) {
  const out = await ForgotPassword(w.ctx, { ClientId: w.clientId, Username });
  await w.ctx.messages.idle();
  return out;
}
const confirm = (w: World, Username: string, ConfirmationCode: string, Password = NEW_PASSWORD) =>
  ConfirmForgotPassword(w.ctx, { ClientId: w.clientId, Username, ConfirmationCode, Password });
const lastCode = (w: World) => w.sent.at(-1)!.code;

describe('ForgotPassword', () => {
  it('e-mails a 6-digit code and masks the destination', async () => {
    const w = await world();
    const { username } = await enrolledUser(w);
    const out = await forgot(w, 'Ada@Example.com');
    expect(out.CodeDeliveryDetails).toEqual({ Destination: 'a***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    const message = w.sent.at(-1)!;
    expect(message).toMatchObject({
      to: 'ada@example.com',
      triggerSource: 'CustomMessage_ForgotPassword',
      username: 'ada@example.com',
      poolId: w.poolId,
      clientId: w.clientId,
    });
    expect(message.code).toMatch(/^\d{6}$/);
    expect(message.userAttributes.sub).toBe(username);
  });

  it('answers before the e-mail is handed over', async () => {
    const w = await world();
    await enrolledUser(w);
    const sentBefore = w.sent.length;
    await ForgotPassword(w.ctx, { ClientId: w.clientId, Username: 'ada@example.com' });
    expect(w.sent.length).toBe(sentBefore);
    await w.ctx.messages.idle();
    expect(w.sent.length).toBe(sentBefore + 1);
  });

  it('answers an unknown user the same way and sends nothing', async () => {
    const w = await world();
    await enrolledUser(w);
    const sentBefore = w.sent.length;
    const out = await forgot(w, 'nobody@elsewhere.org');
    expect(out.CodeDeliveryDetails).toEqual({ Destination: 'n***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    expect(w.sent.length).toBe(sentBefore);
  });

  it('refuses a user who never set a password, and one without a verified e-mail', async () => {
    const w = await world();
    await invite(w, 'ada@example.com');
    await expectFailure(forgot(w, 'ada@example.com'), 'NotAuthorizedException', 'User password cannot be reset in the current state.');
    const { username } = await enrolledUser(w, 'bob@example.com');
    w.ctx.store.state.pools[w.poolId]!.users[username]!.attributes.email_verified = 'false';
    await expectFailure(forgot(w, 'bob@example.com'), 'InvalidParameterException');
  });
});

describe('ConfirmForgotPassword', () => {
  it('sets the new password with the right code, once', async () => {
    const w = await world();
    await enrolledUser(w);
    await forgot(w, 'ada@example.com');
    const code = lastCode(w);
    await confirm(w, 'ada@example.com', code);
    expect((await signIn(w, 'ada@example.com', NEW_PASSWORD)).ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    await expectFailure(signIn(w, 'ada@example.com', PASSWORD), 'NotAuthorizedException', 'Incorrect username or password.');
    await expectFailure(confirm(w, 'ada@example.com', code, 'Third-Password-3'), 'CodeMismatchException');
  });

  it('refuses wrong codes until the hour’s attempts are spent, then even the right one; codes expire after an hour', async () => {
    const w = await world();
    await enrolledUser(w);
    await forgot(w, 'ada@example.com');
    const code = lastCode(w);
    const wrong = code === '000000' ? '111111' : '000000';
    // The request was the first attempt of the hour.
    for (let i = 1; i < RESET_ATTEMPTS_PER_HOUR; i++) {
      await expectFailure(confirm(w, 'ada@example.com', wrong), 'CodeMismatchException', 'Invalid verification code provided, please try again.');
    }
    await expectFailure(confirm(w, 'ada@example.com', code), 'LimitExceededException', 'Attempt limit exceeded, please try after some time.');
    await expectFailure(forgot(w, 'ada@example.com'), 'LimitExceededException');

    w.clock.advance(HOUR);
    await forgot(w, 'ada@example.com');
    w.clock.advance(HOUR);
    await expectFailure(confirm(w, 'ada@example.com', lastCode(w)), 'ExpiredCodeException', 'Invalid code provided, please request a code again.');
  });

  it('counts requests and entries together in a sliding hour, for unknown names as for users', async () => {
    const w = await world();
    await enrolledUser(w);
    for (const name of ['ada@example.com', 'nobody@example.com']) {
      for (let i = 0; i < RESET_ATTEMPTS_PER_HOUR - 1; i++) await forgot(w, name);
      await failure(confirm(w, name, '000000'));
      await expectFailure(forgot(w, name), 'LimitExceededException', 'Attempt limit exceeded, please try after some time.');
      await expectFailure(confirm(w, name, '000000'), 'LimitExceededException', 'Attempt limit exceeded, please try after some time.');
    }
    // The oldest attempt leaves the window an hour after it was made.
    w.clock.advance(HOUR + SECOND);
    await forgot(w, 'ada@example.com');
    await forgot(w, 'nobody@example.com');
  });

  it('checks the policy without using up the code', async () => {
    const w = await world();
    await enrolledUser(w);
    await forgot(w, 'ada@example.com');
    await expectFailure(confirm(w, 'ada@example.com', lastCode(w), 'weak'), 'InvalidPasswordException', 'Password does not conform to policy: Password not long enough');
    await confirm(w, 'ada@example.com', lastCode(w));
  });

  it('answers CodeMismatchException for an unknown user', async () => {
    const w = await world();
    await expectFailure(confirm(w, 'nobody@example.com', '123456'), 'CodeMismatchException');
  });

  it('ends a lockout', async () => {
    const w = await world();
    await enrolledUser(w);
    for (let i = 0; i < 5; i++) await failure(signIn(w, 'ada@example.com', 'Wrong-Password-1'));
    await forgot(w, 'ada@example.com');
    await confirm(w, 'ada@example.com', lastCode(w));
    expect((await signIn(w, 'ada@example.com', NEW_PASSWORD)).ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
  });
});

describe('reset codes at rest', () => {
  it('are kept only as an HMAC under the pool’s own random key', async () => {
    const w = await world();
    const { username } = await enrolledUser(w);
    await forgot(w, 'ada@example.com');
    const code = lastCode(w);
    const pool = w.ctx.store.state.pools[w.poolId]!;
    expect(Buffer.from(pool.hashKey!, 'base64')).toHaveLength(32);
    const stored = pool.users[username]!.resetCode!.hash;
    expect(stored).toBe(keyedHash(pool, 'reset', username, code));
    const text = JSON.stringify(w.ctx.store.state);
    expect(text).not.toContain(createHash('sha256').update(code).digest('hex'));
    expect(text).not.toContain(createHash('sha256').update(`${w.poolId}:${username}:${code}`).digest('hex'));
    // Another pool's key gives another hash for the same code.
    const other = await world();
    expect(other.ctx.store.state.pools[other.poolId]!.hashKey).not.toBe(pool.hashKey);
    // Without the key the stored hash matches nothing: a new key makes the right code wrong.
    pool.hashKey = randomBytes(32).toString('base64');
    await expectFailure(confirm(w, 'ada@example.com', code), 'CodeMismatchException');
  });
});

describe('AdminResetUserPassword', () => {
  it('makes sign-in answer PasswordResetRequiredException until the code is used', async () => {
    const w = await world();
    const { username } = await enrolledUser(w);
    await AdminResetUserPassword(w.ctx, { UserPoolId: w.poolId, Username: username });
    expect(w.sent.at(-1)).toMatchObject({ triggerSource: 'CustomMessage_ForgotPassword', to: 'ada@example.com' });
    expect(w.ctx.store.state.pools[w.poolId]!.users[username]!.status).toBe('RESET_REQUIRED');
    await expectFailure(signIn(w, 'ada@example.com', PASSWORD), 'PasswordResetRequiredException', 'Password reset required for the user');
    await confirm(w, 'ada@example.com', lastCode(w));
    expect(w.ctx.store.state.pools[w.poolId]!.users[username]!.status).toBe('CONFIRMED');
    expect((await signIn(w, 'ada@example.com', NEW_PASSWORD)).ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
  });

  it('refuses users still on a temporary password and unknown users', async () => {
    const w = await world();
    const username = await invite(w, 'ada@example.com');
    await expectFailure(AdminResetUserPassword(w.ctx, { UserPoolId: w.poolId, Username: username }), 'NotAuthorizedException');
    await expectFailure(AdminResetUserPassword(w.ctx, { UserPoolId: w.poolId, Username: 'nobody' }), 'UserNotFoundException', 'User does not exist.');
  });
});

describe('ChangePassword', () => {
  it('needs the previous password and the policy, and counts wrong guesses toward the lockout', async () => {
    const w = await world();
    const { tokens } = await enrolledUser(w);
    const change = (PreviousPassword: string, ProposedPassword: string) =>
      ChangePassword(w.ctx, { AccessToken: tokens.AccessToken, PreviousPassword, ProposedPassword });
    await expectFailure(change(PASSWORD, 'weak'), 'InvalidPasswordException');
    await expectFailure(change('Wrong-Password-1', NEW_PASSWORD), 'NotAuthorizedException', 'Incorrect username or password.');
    await change(PASSWORD, NEW_PASSWORD);
    expect((await signIn(w, 'ada@example.com', NEW_PASSWORD)).ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    for (let i = 0; i < 4; i++) await failure(change('Wrong-Password-1', PASSWORD));
    await expectFailure(change('Wrong-Password-1', PASSWORD), 'NotAuthorizedException', 'Password attempts exceeded');
    await expectFailure(change(NEW_PASSWORD, PASSWORD), 'NotAuthorizedException', 'Password attempts exceeded');
    w.clock.advance(SECOND);
    await change(NEW_PASSWORD, PASSWORD);
  });

  it('needs a valid access token', async () => {
    const w = await world();
    await expectFailure(
      ChangePassword(w.ctx, { AccessToken: 'nope', PreviousPassword: PASSWORD, ProposedPassword: NEW_PASSWORD }),
      'NotAuthorizedException',
      'Invalid Access Token',
    );
  });
});

describe('password policy', () => {
  it('generates temporary passwords that meet any policy', () => {
    for (const MinimumLength of [6, 8, 20, 99]) {
      const policy = effectivePolicy({ MinimumLength });
      for (let i = 0; i < 20; i++) {
        const password = generateTemporaryPassword(policy);
        expect(() => checkPassword(password, policy)).not.toThrow();
        expect(password.length).toBe(Math.max(MinimumLength, 12));
      }
    }
  });

  it('counts symbols as Cognito does, spaces inside included', () => {
    const policy = effectivePolicy({ MinimumLength: 8 });
    expect(() => checkPassword('Abc 1234', policy)).not.toThrow();
    expect(() => checkPassword('Abc12345€', policy)).toThrow('Password must have symbol characters');
  });

  it('uses Cognito’s defaults for a pool without a policy', () => {
    expect(effectivePolicy(undefined)).toEqual({
      MinimumLength: 8,
      RequireUppercase: true,
      RequireLowercase: true,
      RequireNumbers: true,
      RequireSymbols: true,
      TemporaryPasswordValidityDays: 7,
    });
  });
});

describe('password hashes', () => {
  it('cost scrypt N=2^14, r=8, p=1 unless a test lowers it, and say so in the stored hash', async () => {
    expect(PASSWORD_COST).toEqual({ N: 16384, r: 8, p: 1 });
    expect(createContext({ issuerBase: 'http://127.0.0.1:9229' }).passwordCost).toEqual(PASSWORD_COST);
    const stored = await hashPassword(PASSWORD);
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
    expect(await verifyPassword(NEW_PASSWORD, stored)).toBe(false);
  });

  it('made at a lower cost still verify, whatever the current cost', async () => {
    const stored = await hashPassword(PASSWORD, TEST_PASSWORD_COST);
    expect(stored).toMatch(/^scrypt\$16\$1\$1\$/);
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
    expect(await verifyPassword(NEW_PASSWORD, stored)).toBe(false);
  });
});
