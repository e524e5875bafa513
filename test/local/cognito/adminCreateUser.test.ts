import { describe, expect, it } from 'vitest';
import { AdminCreateUser } from '../../../local/cognito/actions/AdminCreateUser';
import { checkPassword } from '../../../local/cognito/passwords';
import { poolPolicy } from '../../../local/cognito/pools';
import { expectFailure, invite, signIn, world, PASSWORD, type World } from './fixtures';

const create = (w: World, Username: string, extra: Partial<Parameters<typeof AdminCreateUser>[1]> = {}) =>
  AdminCreateUser(w.ctx, { UserPoolId: w.poolId, Username, DesiredDeliveryMediums: ['EMAIL'], ...extra });

describe('AdminCreateUser', () => {
  it('creates a FORCE_CHANGE_PASSWORD user named by a UUID and e-mails a generated password', async () => {
    const w = await world();
    const out = await create(w, 'Ada@Example.com', { UserAttributes: [{ Name: 'name', Value: 'Ada' }] });
    const user = out.User!;
    expect(user.Username).toMatch(/^[0-9a-f-]{36}$/);
    expect(user.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    expect(user.Enabled).toBe(true);
    expect(user.UserCreateDate).toEqual(w.clock.now());
    expect(user.Attributes).toEqual([
      { Name: 'sub', Value: user.Username },
      { Name: 'name', Value: 'Ada' },
      { Name: 'email', Value: 'Ada@Example.com' },
    ]);
    expect(w.sent).toHaveLength(1);
    const message = w.sent[0]!;
    expect(message).toMatchObject({
      to: 'Ada@Example.com',
      triggerSource: 'CustomMessage_AdminCreateUser',
      username: 'Ada@Example.com',
      poolId: w.poolId,
    });
    expect(() => checkPassword(message.code, poolPolicy(w.ctx.store.state.pools[w.poolId]!))).not.toThrow();
    expect((await signIn(w, 'ada@example.com', message.code)).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  });

  it('refuses a second user with the same e-mail in any letter case', async () => {
    const w = await world();
    await create(w, 'ada@example.com');
    await expectFailure(create(w, 'ADA@example.com'), 'UsernameExistsException', 'An account with the given email already exists.');
  });

  it('wants an e-mail as username in an e-mail pool, known attributes, and a temporary password that meets the policy', async () => {
    const w = await world();
    await expectFailure(create(w, 'ada'), 'InvalidParameterException', 'Username should be an email.');
    await expectFailure(create(w, 'ada@example.com', { UserAttributes: [{ Name: 'shoe_size', Value: '9' }] }), 'InvalidParameterException');
    await expectFailure(create(w, 'ada@example.com', { TemporaryPassword: 'short' }), 'InvalidPasswordException', 'Password does not conform to policy: Password not long enough');
    await expectFailure(AdminCreateUser(w.ctx, { UserPoolId: 'eu-west-1_nothere', Username: 'a@b.c' }), 'ResourceNotFoundException', 'User pool eu-west-1_nothere does not exist.');
    expect(w.sent).toHaveLength(0);
  });

  it('RESEND issues a new temporary password; the old one stops working', async () => {
    const w = await world();
    await create(w, 'ada@example.com');
    const first = w.sent[0]!.code;
    await create(w, 'ada@example.com', { MessageAction: 'RESEND' });
    // The invitation goes out after the answer.
    expect(w.sent).toHaveLength(1);
    await w.ctx.messages.idle();
    expect(w.sent).toHaveLength(2);
    const second = w.sent[1]!.code;
    expect(second).not.toBe(first);
    await expectFailure(signIn(w, 'ada@example.com', first), 'NotAuthorizedException', 'Incorrect username or password.');
    expect((await signIn(w, 'ada@example.com', second)).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  });

  it('RESEND refuses unknown and already confirmed users', async () => {
    const w = await world();
    await expectFailure(create(w, 'nobody@example.com', { MessageAction: 'RESEND' }), 'UserNotFoundException');
    const username = await invite(w, 'ada@example.com');
    w.ctx.store.state.pools[w.poolId]!.users[username]!.status = 'CONFIRMED';
    await expectFailure(create(w, 'ada@example.com', { MessageAction: 'RESEND' }), 'UnsupportedUserStateException');
  });

  it('SUPPRESS sends nothing', async () => {
    const w = await world();
    await create(w, 'ada@example.com', { MessageAction: 'SUPPRESS', TemporaryPassword: PASSWORD });
    expect(w.sent).toHaveLength(0);
    expect((await signIn(w, 'ada@example.com', PASSWORD)).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  });

  it('creates nothing when the e-mail cannot be delivered', async () => {
    const w = await world({}, {}, { deliver: () => Promise.reject(new Error('SES down')) });
    await expectFailure(create(w, 'ada@example.com'), 'CodeDeliveryFailureException');
    expect(w.ctx.store.state.pools[w.poolId]!.users).toEqual({});
  });

  it('keeps chosen usernames in a pool without e-mail sign-in', async () => {
    const w = await world({ UsernameAttributes: undefined, UsernameConfiguration: { CaseSensitive: true } });
    const out = await create(w, 'ada', { UserAttributes: [{ Name: 'email', Value: 'ada@example.com' }] });
    expect(out.User?.Username).toBe('ada');
    expect(w.sent[0]?.username).toBe('ada');
    await expectFailure(create(w, 'ada'), 'UsernameExistsException', 'User account already exists');
    await create(w, 'Ada', { MessageAction: 'SUPPRESS' });
  });
});
