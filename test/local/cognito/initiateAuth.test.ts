import { describe, expect, it } from 'vitest';
import { AdminCreateUser } from '../../../local/cognito/actions/AdminCreateUser';
import { AdminDisableUser } from '../../../local/cognito/actions/AdminDisableUser';
import { CreateUserPoolClient } from '../../../local/cognito/actions/CreateUserPoolClient';
import { InitiateAuth } from '../../../local/cognito/actions/InitiateAuth';
import { RespondToAuthChallenge } from '../../../local/cognito/actions/RespondToAuthChallenge';
import { DAY, MINUTE, SECOND } from '../../../local/cognito/clock';
import { enrolledUser, expectFailure, failure, invite, PASSWORD, signIn, TEMPORARY_PASSWORD, world } from './fixtures';

describe('InitiateAuth USER_PASSWORD_AUTH', () => {
  it('asks a new user for a new password, naming the real username', async () => {
    const w = await world();
    const username = await invite(w, 'ada@example.com');
    const out = await signIn(w, 'ADA@example.com', TEMPORARY_PASSWORD);
    expect(out.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(out.Session).toMatch(/^[\w-]{40,}$/);
    expect(out.AuthenticationResult).toBeUndefined();
    expect(out.ChallengeParameters?.USER_ID_FOR_SRP).toBe(username);
    expect(out.ChallengeParameters?.requiredAttributes).toBe('[]');
    expect(JSON.parse(out.ChallengeParameters!.userAttributes!)).toEqual({
      email: 'ada@example.com',
      email_verified: 'true',
      name: 'Ada Lovelace',
    });
  });

  it('asks an enrolled user for the TOTP code', async () => {
    const w = await world();
    const { username } = await enrolledUser(w);
    const out = await signIn(w, 'ada@example.com', PASSWORD);
    expect(out.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    expect(out.ChallengeParameters?.USER_ID_FOR_SRP).toBe(username);
  });

  it('gives tokens after the password when the pool has MFA off', async () => {
    const w = await world({ MfaConfiguration: 'OFF' });
    const username = await invite(w, 'ada@example.com');
    const first = await signIn(w, 'ada@example.com', TEMPORARY_PASSWORD);
    const second = await RespondToAuthChallenge(w.ctx, {
      ClientId: w.clientId,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: first.Session,
      ChallengeResponses: { USERNAME: username, NEW_PASSWORD: PASSWORD },
    });
    expect(second.ChallengeName).toBeUndefined();
    expect(second.AuthenticationResult?.IdToken).toBeTruthy();
    const again = await signIn(w, 'ada@example.com', PASSWORD);
    expect(again.ChallengeName).toBeUndefined();
    expect(again.AuthenticationResult?.RefreshToken).toBeTruthy();
  });

  it('answers an unknown user exactly as a wrong password', async () => {
    const w = await world();
    await invite(w, 'ada@example.com');
    const unknown = await failure(signIn(w, 'nobody@example.com', TEMPORARY_PASSWORD));
    const wrong = await failure(signIn(w, 'ada@example.com', 'Wrong-Password-1'));
    expect(unknown).toEqual({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    expect(wrong).toEqual(unknown);
  });

  it('says UserNotFoundException when the client does not hide user existence', async () => {
    const w = await world({}, { PreventUserExistenceErrors: 'LEGACY' });
    await expectFailure(signIn(w, 'nobody@example.com', PASSWORD), 'UserNotFoundException', 'User does not exist.');
  });

  it('refuses a disabled user with the right password only', async () => {
    const w = await world();
    const username = await invite(w, 'ada@example.com');
    await AdminDisableUser(w.ctx, { UserPoolId: w.poolId, Username: username });
    await expectFailure(signIn(w, 'ada@example.com', TEMPORARY_PASSWORD), 'NotAuthorizedException', 'User is disabled.');
    await expectFailure(signIn(w, 'ada@example.com', 'Wrong-Password-1'), 'NotAuthorizedException', 'Incorrect username or password.');
  });

  it('refuses a temporary password older than TemporaryPasswordValidityDays', async () => {
    const w = await world();
    await invite(w, 'ada@example.com');
    w.clock.advance(7 * DAY);
    expect((await signIn(w, 'ada@example.com', TEMPORARY_PASSWORD)).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    w.clock.advance(SECOND);
    await expectFailure(
      signIn(w, 'ada@example.com', TEMPORARY_PASSWORD),
      'NotAuthorizedException',
      'Temporary password has expired and must be reset by an administrator.',
    );
    // A resend issues a new temporary password with a new validity period.
    await AdminCreateUser(w.ctx, {
      UserPoolId: w.poolId,
      Username: 'ada@example.com',
      MessageAction: 'RESEND',
      TemporaryPassword: 'Another-Temp-3',
    });
    expect((await signIn(w, 'ada@example.com', 'Another-Temp-3')).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  });

  it('locks sign-in after 5 failures, for 1 s then doubling, and a success resets it', async () => {
    const w = await world();
    await invite(w, 'ada@example.com');
    const wrong = () => failure(signIn(w, 'ada@example.com', 'Wrong-Password-1'));
    for (let i = 1; i <= 4; i++) expect((await wrong()).message).toBe('Incorrect username or password.');
    expect(await wrong()).toEqual({ name: 'NotAuthorizedException', message: 'Password attempts exceeded' });
    // Locked for 1 s: even the right password is refused, without lengthening the lockout.
    await expectFailure(signIn(w, 'ada@example.com', TEMPORARY_PASSWORD), 'NotAuthorizedException', 'Password attempts exceeded');
    w.clock.advance(SECOND);
    expect((await wrong()).message).toBe('Password attempts exceeded');
    // The 6th failure locked for 2 s.
    w.clock.advance(1500);
    await expectFailure(signIn(w, 'ada@example.com', TEMPORARY_PASSWORD), 'NotAuthorizedException', 'Password attempts exceeded');
    w.clock.advance(500);
    expect((await signIn(w, 'ada@example.com', TEMPORARY_PASSWORD)).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect((await wrong()).message).toBe('Incorrect username or password.');
  });

  it('locks out an unknown name exactly like a user, so the lockout tells nothing', async () => {
    const w = await world();
    await invite(w, 'ada@example.com');
    const answers = async (email: string) => {
      const out = [];
      for (let i = 0; i < 6; i++) out.push(await failure(signIn(w, email, 'Wrong-Password-1')));
      return out;
    };
    const known = await answers('ada@example.com');
    const unknown = await answers('nobody@example.com');
    expect(unknown).toEqual(known);
    expect(known.map((e) => e.message)).toEqual([
      ...Array(4).fill('Incorrect username or password.'),
      'Password attempts exceeded',
      'Password attempts exceeded',
    ]);
    expect(JSON.stringify(w.ctx.store.state)).not.toContain('nobody');
  });

  it('caps the lockout at 15 minutes and forgets failures after 15 quiet minutes', async () => {
    const w = await world();
    await invite(w, 'ada@example.com');
    const user = Object.values(w.ctx.store.state.pools[w.poolId]!.users)[0]!;
    user.failures = { count: 30, lastFailureAt: w.clock.now().getTime() };
    await failure(signIn(w, 'ada@example.com', 'Wrong-Password-1'));
    expect(user.failures.lockedUntil! - w.clock.now().getTime()).toBe(15 * MINUTE);
    w.clock.advance(15 * MINUTE);
    expect((await failure(signIn(w, 'ada@example.com', 'Wrong-Password-1'))).message).toBe('Incorrect username or password.');
    expect(user.failures.count).toBe(1);
  });

  it('refuses flows the client does not allow and flows the emulator lacks', async () => {
    const w = await world({}, { ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'] });
    await expectFailure(signIn(w, 'ada@example.com', PASSWORD), 'InvalidParameterException', 'USER_PASSWORD_AUTH flow not enabled for this client');
    await expectFailure(
      InitiateAuth(w.ctx, { AuthFlow: 'USER_SRP_AUTH', ClientId: w.clientId, AuthParameters: {} }),
      'InvalidParameterException',
    );
    await expectFailure(
      InitiateAuth(w.ctx, { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'nope', AuthParameters: {} }),
      'ResourceNotFoundException',
      'User pool client nope does not exist.',
    );
  });

  it('checks the secret hash of a client with a secret', async () => {
    const w = await world({}, { GenerateSecret: true });
    await invite(w, 'ada@example.com');
    await expectFailure(
      signIn(w, 'ada@example.com', TEMPORARY_PASSWORD),
      'NotAuthorizedException',
      `Unable to verify secret hash for client ${w.clientId}`,
    );
    const secret = w.ctx.store.state.pools[w.poolId]!.clients[w.clientId]!.secret!;
    const { createHmac } = await import('node:crypto');
    const SECRET_HASH = createHmac('sha256', secret).update(`ada@example.com${w.clientId}`).digest('base64');
    const out = await InitiateAuth(w.ctx, {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: w.clientId,
      AuthParameters: { USERNAME: 'ada@example.com', PASSWORD: TEMPORARY_PASSWORD, SECRET_HASH },
    });
    expect(out.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  });
});

describe('InitiateAuth REFRESH_TOKEN_AUTH', () => {
  const refresh = (w: Awaited<ReturnType<typeof world>>, token: string) =>
    InitiateAuth(w.ctx, { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: w.clientId, AuthParameters: { REFRESH_TOKEN: token } });

  it('gives new id and access tokens and keeps the refresh token', async () => {
    const w = await world();
    const { tokens } = await enrolledUser(w);
    w.clock.advance(10 * MINUTE);
    const out = await refresh(w, tokens.RefreshToken!);
    expect(out.AuthenticationResult?.AccessToken).toBeTruthy();
    expect(out.AuthenticationResult?.AccessToken).not.toBe(tokens.AccessToken);
    expect(out.AuthenticationResult?.RefreshToken).toBeUndefined();
    expect(out.AuthenticationResult?.ExpiresIn).toBe(3600);
  });

  it('refuses unknown, expired and other clients’ refresh tokens', async () => {
    const w = await world();
    const { tokens } = await enrolledUser(w);
    await expectFailure(refresh(w, 'not-a-token'), 'NotAuthorizedException', 'Invalid Refresh Token');
    const other = await CreateUserPoolClient(w.ctx, {
      UserPoolId: w.poolId,
      ClientName: 'other',
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
    });
    await expectFailure(
      InitiateAuth(w.ctx, {
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: other.UserPoolClient!.ClientId,
        AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken! },
      }),
      'NotAuthorizedException',
      'Invalid Refresh Token',
    );
    w.clock.advance(600 * MINUTE);
    await expectFailure(refresh(w, tokens.RefreshToken!), 'NotAuthorizedException', 'Refresh Token has expired');
  });
});
