import { describe, expect, it, vi } from 'vitest';
import { AdminCreateUser } from '../../../local/cognito/actions/AdminCreateUser';
import { AdminDisableUser } from '../../../local/cognito/actions/AdminDisableUser';
import { AdminResetUserPassword } from '../../../local/cognito/actions/AdminResetUserPassword';
import { ForgotPassword } from '../../../local/cognito/actions/ForgotPassword';
import { decoyHash } from '../../../local/cognito/passwords';
import { enrolledUser, failure, invite, PASSWORD, signIn, world, type World } from './fixtures';

/** Every password hash or check is one scrypt call; every keyed hash is one HMAC. Both are counted. */
const work = vi.hoisted(() => ({ scrypt: 0, hmac: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const crypto = await importOriginal<typeof import('node:crypto')>();
  return {
    ...crypto,
    scrypt: (...args: Parameters<typeof crypto.scrypt>) => {
      work.scrypt += 1;
      return (crypto.scrypt as (...a: unknown[]) => void)(...args);
    },
    createHmac: (...args: Parameters<typeof crypto.createHmac>) => {
      work.hmac += 1;
      return crypto.createHmac(...args);
    },
  };
});

/** The password and keyed-hash work one call does, and whether it delivered anything before answering. */
async function cost(w: World, call: () => Promise<unknown>) {
  await decoyHash();
  await w.ctx.messages.idle();
  const before = { ...work, sent: w.sent.length };
  await call().catch(() => undefined);
  return { scrypt: work.scrypt - before.scrypt, hmac: work.hmac - before.hmac, sentBeforeAnswer: w.sent.length - before.sent };
}

describe('timing parity', () => {
  it('InitiateAuth does one password check for unknown, locked, disabled and reset-required users, as for a wrong password', async () => {
    const w = await world();
    await enrolledUser(w, 'ada@example.com');
    const bob = (await enrolledUser(w, 'bob@example.com')).username;
    const cid = (await enrolledUser(w, 'cid@example.com')).username;
    await enrolledUser(w, 'dee@example.com');
    await AdminDisableUser(w.ctx, { UserPoolId: w.poolId, Username: bob });
    await AdminResetUserPassword(w.ctx, { UserPoolId: w.poolId, Username: cid });
    for (let i = 0; i < 5; i++) await failure(signIn(w, 'dee@example.com', 'Wrong-Password-1'));
    await invite(w, 'eve@example.com');
    const costs = {
      wrongPassword: await cost(w, () => signIn(w, 'ada@example.com', 'Wrong-Password-1')),
      unknown: await cost(w, () => signIn(w, 'nobody@example.com', PASSWORD)),
      disabled: await cost(w, () => signIn(w, 'bob@example.com', PASSWORD)),
      resetRequired: await cost(w, () => signIn(w, 'cid@example.com', PASSWORD)),
      lockedOut: await cost(w, () => signIn(w, 'dee@example.com', PASSWORD)),
      temporaryPassword: await cost(w, () => signIn(w, 'eve@example.com', 'Wrong-Password-1')),
    };
    for (const spent of Object.values(costs)) expect(spent.scrypt).toBe(1);
  });

  it('ForgotPassword does the same work for a known and an unknown user and delivers only after answering', async () => {
    const w = await world();
    await enrolledUser(w);
    const known = await cost(w, () => ForgotPassword(w.ctx, { ClientId: w.clientId, Username: 'ada@example.com' }));
    const unknown = await cost(w, () => ForgotPassword(w.ctx, { ClientId: w.clientId, Username: 'nobody@example.com' }));
    expect(known).toEqual(unknown);
    expect(known).toEqual({ scrypt: 0, hmac: 1, sentBeforeAnswer: 0 });
    await w.ctx.messages.idle();
    expect(w.sent.at(-1)).toMatchObject({ to: 'ada@example.com', triggerSource: 'CustomMessage_ForgotPassword' });
  });

  it('AdminCreateUser RESEND hashes a password for unknown and confirmed users too, and delivers only after answering', async () => {
    const w = await world();
    await invite(w, 'new@example.com');
    await enrolledUser(w, 'ada@example.com');
    const resend = (Username: string) => () => AdminCreateUser(w.ctx, { UserPoolId: w.poolId, Username, MessageAction: 'RESEND' });
    const known = await cost(w, resend('new@example.com'));
    expect(known).toEqual({ scrypt: 1, hmac: 0, sentBeforeAnswer: 0 });
    expect(await cost(w, resend('nobody@example.com'))).toEqual(known);
    expect(await cost(w, resend('ada@example.com'))).toEqual(known);
  });
});
