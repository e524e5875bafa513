import { describe, expect, it } from 'vitest';
import { AdminDeleteSoftwareToken } from '../../../local/cognito/actions/AdminDeleteSoftwareToken';
import { AdminGetUser } from '../../../local/cognito/actions/AdminGetUser';
import { AssociateSoftwareToken } from '../../../local/cognito/actions/AssociateSoftwareToken';
import { GetUser } from '../../../local/cognito/actions/GetUser';
import { RespondToAuthChallenge } from '../../../local/cognito/actions/RespondToAuthChallenge';
import { SetUserMFAPreference } from '../../../local/cognito/actions/SetUserMFAPreference';
import { VerifySoftwareToken } from '../../../local/cognito/actions/VerifySoftwareToken';
import { MINUTE, SECOND } from '../../../local/cognito/clock';
import { enrolledUser, expectFailure, invite, PASSWORD, signIn, signInWithTotp, TEMPORARY_PASSWORD, totp, world, type World } from './fixtures';

/** Signs a new user in up to the MFA_SETUP challenge. */
async function atMfaSetup(w: World) {
  const username = await invite(w, 'ada@example.com');
  const first = await signIn(w, 'ada@example.com', TEMPORARY_PASSWORD);
  const setup = await RespondToAuthChallenge(w.ctx, {
    ClientId: w.clientId,
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    Session: first.Session,
    ChallengeResponses: { USERNAME: username, NEW_PASSWORD: PASSWORD },
  });
  return { username, session: setup.Session! };
}

describe('AssociateSoftwareToken and VerifySoftwareToken with a session', () => {
  it('hands out a 32-character base32 secret and a new session, spending the old one', async () => {
    const w = await world();
    const { session } = await atMfaSetup(w);
    const out = await AssociateSoftwareToken(w.ctx, { Session: session });
    expect(out.SecretCode).toMatch(/^[A-Z2-7]{32}$/);
    expect(out.Session).toBeTruthy();
    expect(out.Session).not.toBe(session);
    await expectFailure(AssociateSoftwareToken(w.ctx, { Session: session }), 'NotAuthorizedException', 'Invalid session for the user.');
  });

  it('refuses a wrong first code with EnableSoftwareTokenMFAException and lets it be retried', async () => {
    const w = await world();
    const { session } = await atMfaSetup(w);
    const associated = await AssociateSoftwareToken(w.ctx, { Session: session });
    const right = await totp(w, associated.SecretCode!);
    await expectFailure(
      VerifySoftwareToken(w.ctx, { Session: associated.Session, UserCode: right === '123456' ? '654321' : '123456' }),
      'EnableSoftwareTokenMFAException',
      'Code mismatch',
    );
    const verified = await VerifySoftwareToken(w.ctx, { Session: associated.Session, UserCode: right, FriendlyDeviceName: 'Phone' });
    expect(verified.Status).toBe('SUCCESS');
    expect(verified.Session).toBeTruthy();
    await expectFailure(VerifySoftwareToken(w.ctx, { Session: associated.Session, UserCode: right }), 'NotAuthorizedException', 'Invalid session for the user.');
    const done = await RespondToAuthChallenge(w.ctx, {
      ClientId: w.clientId,
      ChallengeName: 'MFA_SETUP',
      Session: verified.Session,
      ChallengeResponses: { USERNAME: 'ada@example.com' },
    });
    const me = await GetUser(w.ctx, { AccessToken: done.AuthenticationResult!.AccessToken });
    expect(me.UserMFASettingList).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(me.PreferredMfaSetting).toBe('SOFTWARE_TOKEN_MFA');
    // The next sign-in asks for the code and names the device.
    w.clock.advance(30 * SECOND);
    const next = await signIn(w, 'ada@example.com', PASSWORD);
    expect(next.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    expect(next.ChallengeParameters?.FRIENDLY_DEVICE_NAME).toBe('Phone');
  });

  it('expires the setup sessions like any other', async () => {
    const w = await world();
    const { session } = await atMfaSetup(w);
    const associated = await AssociateSoftwareToken(w.ctx, { Session: session });
    w.clock.advance(3 * MINUTE);
    await expectFailure(
      VerifySoftwareToken(w.ctx, { Session: associated.Session, UserCode: await totp(w, associated.SecretCode!) }),
      'NotAuthorizedException',
      'Invalid session for the user, session is expired.',
    );
  });

  it('asks for exactly one of Session and AccessToken', async () => {
    const w = await world();
    await expectFailure(AssociateSoftwareToken(w.ctx, {}), 'InvalidParameterException');
    await expectFailure(VerifySoftwareToken(w.ctx, { UserCode: '123456' }), 'InvalidParameterException');
  });
});

describe('AssociateSoftwareToken and VerifySoftwareToken with an access token', () => {
  it('replaces a signed-in user’s TOTP secret once the new one is verified', async () => {
    const w = await world();
    const { secret, tokens } = await enrolledUser(w);
    const associated = await AssociateSoftwareToken(w.ctx, { AccessToken: tokens.AccessToken });
    expect(associated.SecretCode).toMatch(/^[A-Z2-7]{32}$/);
    expect(associated.Session).toBeUndefined();
    // Until verified, the old secret still signs in.
    const before = await signIn(w, 'ada@example.com', PASSWORD);
    await RespondToAuthChallenge(w.ctx, {
      ClientId: w.clientId,
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: before.Session,
      ChallengeResponses: { USERNAME: 'ada@example.com', SOFTWARE_TOKEN_MFA_CODE: await totp(w, secret) },
    });
    w.clock.advance(30 * SECOND);
    await expectFailure(
      VerifySoftwareToken(w.ctx, { AccessToken: tokens.AccessToken, UserCode: await totp(w, secret) }),
      'EnableSoftwareTokenMFAException',
    );
    const verified = await VerifySoftwareToken(w.ctx, { AccessToken: tokens.AccessToken, UserCode: await totp(w, associated.SecretCode!) });
    expect(verified).toEqual({ Status: 'SUCCESS' });
    w.clock.advance(30 * SECOND);
    const after = await signIn(w, 'ada@example.com', PASSWORD);
    await expectFailure(
      RespondToAuthChallenge(w.ctx, {
        ClientId: w.clientId,
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: after.Session,
        ChallengeResponses: { USERNAME: 'ada@example.com', SOFTWARE_TOKEN_MFA_CODE: await totp(w, secret) },
      }),
      'CodeMismatchException',
    );
  });

  it('in a pool with optional MFA, turns TOTP on only through SetUserMFAPreference', async () => {
    const w = await world({ MfaConfiguration: 'OPTIONAL' });
    const username = await invite(w, 'ada@example.com');
    const first = await signIn(w, 'ada@example.com', TEMPORARY_PASSWORD);
    const signedIn = await RespondToAuthChallenge(w.ctx, {
      ClientId: w.clientId,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: first.Session,
      ChallengeResponses: { USERNAME: username, NEW_PASSWORD: PASSWORD },
    });
    const AccessToken = signedIn.AuthenticationResult!.AccessToken!;
    await expectFailure(
      SetUserMFAPreference(w.ctx, { AccessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }),
      'InvalidParameterException',
      'User has not verified software token mfa',
    );
    const associated = await AssociateSoftwareToken(w.ctx, { AccessToken });
    await VerifySoftwareToken(w.ctx, { AccessToken, UserCode: await totp(w, associated.SecretCode!) });
    expect((await GetUser(w.ctx, { AccessToken })).UserMFASettingList).toBeUndefined();
    expect((await signIn(w, 'ada@example.com', PASSWORD)).AuthenticationResult).toBeDefined();
    await SetUserMFAPreference(w.ctx, { AccessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } });
    const me = await GetUser(w.ctx, { AccessToken });
    expect(me.UserMFASettingList).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(me.PreferredMfaSetting).toBe('SOFTWARE_TOKEN_MFA');
    expect((await signIn(w, 'ada@example.com', PASSWORD)).ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    await SetUserMFAPreference(w.ctx, { AccessToken, SoftwareTokenMfaSettings: { Enabled: false } });
    expect((await GetUser(w.ctx, { AccessToken })).UserMFASettingList).toBeUndefined();
    expect((await signIn(w, 'ada@example.com', PASSWORD)).AuthenticationResult).toBeDefined();
  });
});

/** Answers a SOFTWARE_TOKEN_MFA challenge with the code of `secret`. */
async function mfaStep(w: World, session: string | undefined, secret: string) {
  return RespondToAuthChallenge(w.ctx, {
    ClientId: w.clientId,
    ChallengeName: 'SOFTWARE_TOKEN_MFA',
    Session: session,
    ChallengeResponses: { USERNAME: 'ada@example.com', SOFTWARE_TOKEN_MFA_CODE: await totp(w, secret) },
  });
}

describe('AdminDeleteSoftwareToken', () => {
  it('removes the verified authenticator: the next sign-in of this MFA-required pool answers MFA_SETUP', async () => {
    const w = await world();
    const { username, secret } = await enrolledUser(w);
    await AdminDeleteSoftwareToken(w.ctx, { UserPoolId: w.poolId, Username: 'ada@example.com' });
    const user = await AdminGetUser(w.ctx, { UserPoolId: w.poolId, Username: username });
    expect(user.UserMFASettingList).toBeUndefined();
    expect(user.PreferredMfaSetting).toBeUndefined();
    const next = await signIn(w, 'ada@example.com', PASSWORD);
    expect(next.ChallengeName).toBe('MFA_SETUP');
    // The lost authenticator's code no longer completes anything; a new one can be enrolled.
    const associated = await AssociateSoftwareToken(w.ctx, { Session: next.Session });
    expect(associated.SecretCode).not.toBe(secret);
    const verified = await VerifySoftwareToken(w.ctx, { Session: associated.Session, UserCode: await totp(w, associated.SecretCode!) });
    expect(verified.Status).toBe('SUCCESS');
  });

  it('also drops a secret still being set up with an access token', async () => {
    const w = await world();
    const { username, tokens } = await enrolledUser(w);
    const associated = await AssociateSoftwareToken(w.ctx, { AccessToken: tokens.AccessToken });
    await AdminDeleteSoftwareToken(w.ctx, { UserPoolId: w.poolId, Username: username });
    await expectFailure(
      VerifySoftwareToken(w.ctx, { AccessToken: tokens.AccessToken, UserCode: await totp(w, associated.SecretCode!) }),
      'InvalidParameterException',
    );
    expect((await signIn(w, 'ada@example.com', PASSWORD)).ChallengeName).toBe('MFA_SETUP');
  });

  it('refuses unknown users and pools', async () => {
    const w = await world();
    await expectFailure(AdminDeleteSoftwareToken(w.ctx, { UserPoolId: w.poolId, Username: 'nobody@example.com' }), 'UserNotFoundException');
    await expectFailure(AdminDeleteSoftwareToken(w.ctx, { UserPoolId: 'eu-west-1_nothere1', Username: 'x' }), 'ResourceNotFoundException');
  });
});

describe('replacing an authenticator with an access token', () => {
  it('keeps the old one working through a wrong code for the new one, then accepts only the new one', async () => {
    const w = await world();
    const { secret, tokens } = await enrolledUser(w);
    const associated = await AssociateSoftwareToken(w.ctx, { AccessToken: tokens.AccessToken });
    const fresh = associated.SecretCode!;
    const right = await totp(w, fresh);
    await expectFailure(
      VerifySoftwareToken(w.ctx, { AccessToken: tokens.AccessToken, UserCode: right === '123456' ? '654321' : '123456' }),
      'EnableSoftwareTokenMFAException',
    );
    // Still pending: the old authenticator signs in.
    await signInWithTotp(w, 'ada@example.com', secret);
    expect(await VerifySoftwareToken(w.ctx, { AccessToken: tokens.AccessToken, UserCode: await totp(w, fresh) })).toEqual({ Status: 'SUCCESS' });
    w.clock.advance(30 * SECOND);
    const old = await signIn(w, 'ada@example.com', PASSWORD);
    await expectFailure(mfaStep(w, old.Session, secret), 'CodeMismatchException');
    const done = await mfaStep(w, old.Session, fresh);
    expect(done.AuthenticationResult?.AccessToken).toBeTruthy();
    // The pending secret is spent: verifying it again needs a new AssociateSoftwareToken.
    await expectFailure(
      VerifySoftwareToken(w.ctx, { AccessToken: tokens.AccessToken, UserCode: await totp(w, fresh, 1) }),
      'InvalidParameterException',
    );
  });
});
