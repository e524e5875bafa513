import { describe, expect, it } from 'vitest';
import { AdminDisableUser } from '../../../local/cognito/actions/AdminDisableUser';
import { AssociateSoftwareToken } from '../../../local/cognito/actions/AssociateSoftwareToken';
import { RespondToAuthChallenge } from '../../../local/cognito/actions/RespondToAuthChallenge';
import { VerifySoftwareToken } from '../../../local/cognito/actions/VerifySoftwareToken';
import { MINUTE, SECOND } from '../../../local/cognito/clock';
import { LOCKOUT_AFTER } from '../../../local/cognito/lockout';
import { WRONG_CODES_PER_SESSION } from '../../../local/cognito/sessions';
import {
  enrolledUser,
  expectFailure,
  invite,
  NEW_PASSWORD,
  PASSWORD,
  signIn,
  TEMPORARY_PASSWORD,
  totp,
  world,
  type World,
} from './fixtures';

const respond = (w: World, ChallengeName: string, Session: string | undefined, responses: Record<string, string>) =>
  RespondToAuthChallenge(w.ctx, { ClientId: w.clientId, ChallengeName: ChallengeName as never, Session, ChallengeResponses: responses });

describe('RespondToAuthChallenge NEW_PASSWORD_REQUIRED', () => {
  it('sets the password and moves on to MFA_SETUP', async () => {
    const w = await world();
    const username = await invite(w, 'ada@example.com');
    const first = await signIn(w, 'ada@example.com', TEMPORARY_PASSWORD);
    const out = await respond(w, 'NEW_PASSWORD_REQUIRED', first.Session, { USERNAME: username, NEW_PASSWORD: PASSWORD });
    expect(out.ChallengeName).toBe('MFA_SETUP');
    expect(out.ChallengeParameters).toEqual({ MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]', USER_ID_FOR_SRP: username });
    expect(out.Session).toBeTruthy();
    const user = w.ctx.store.state.pools[w.poolId]!.users[username]!;
    expect(user.status).toBe('CONFIRMED');
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(w.ctx.store.state)).not.toContain(PASSWORD);
    // The temporary password no longer works; the new one does.
    await expectFailure(signIn(w, 'ada@example.com', TEMPORARY_PASSWORD), 'NotAuthorizedException', 'Incorrect username or password.');
    expect((await signIn(w, 'ada@example.com', PASSWORD)).ChallengeName).toBe('MFA_SETUP');
  });

  it('enforces the password policy in Cognito’s words, and the session survives it', async () => {
    const w = await world();
    const username = await invite(w, 'ada@example.com');
    const first = await signIn(w, 'ada@example.com', TEMPORARY_PASSWORD);
    const cases: Array<[string, string]> = [
      ['Short-1', 'Password not long enough'],
      ['no-upper-case-1', 'Password must have uppercase characters'],
      ['NO-LOWER-CASE-1', 'Password must have lowercase characters'],
      ['No-Numbers-Here', 'Password must have numeric characters'],
      ['NoSymbols123', 'Password must have symbol characters'],
    ];
    for (const [password, rule] of cases) {
      await expectFailure(
        respond(w, 'NEW_PASSWORD_REQUIRED', first.Session, { USERNAME: username, NEW_PASSWORD: password }),
        'InvalidPasswordException',
        `Password does not conform to policy: ${rule}`,
      );
    }
    await expectFailure(
      respond(w, 'NEW_PASSWORD_REQUIRED', first.Session, { USERNAME: username, NEW_PASSWORD: ` ${PASSWORD}` }),
      'InvalidParameterException',
    );
    const out = await respond(w, 'NEW_PASSWORD_REQUIRED', first.Session, { USERNAME: username, NEW_PASSWORD: PASSWORD });
    expect(out.ChallengeName).toBe('MFA_SETUP');
  });

  it('refuses a session after it was used, another challenge, another user, and after expiry', async () => {
    const w = await world();
    const username = await invite(w, 'ada@example.com');
    await invite(w, 'bob@example.com');
    const first = await signIn(w, 'ada@example.com', TEMPORARY_PASSWORD);
    await expectFailure(respond(w, 'SOFTWARE_TOKEN_MFA', first.Session, { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: '123456' }), 'NotAuthorizedException', 'Invalid session for the user.');
    await expectFailure(
      respond(w, 'NEW_PASSWORD_REQUIRED', first.Session, { USERNAME: 'bob@example.com', NEW_PASSWORD: PASSWORD }),
      'NotAuthorizedException',
      'Invalid session for the user.',
    );
    await respond(w, 'NEW_PASSWORD_REQUIRED', first.Session, { USERNAME: username, NEW_PASSWORD: PASSWORD });
    await expectFailure(
      respond(w, 'NEW_PASSWORD_REQUIRED', first.Session, { USERNAME: username, NEW_PASSWORD: NEW_PASSWORD }),
      'NotAuthorizedException',
      'Invalid session for the user.',
    );
    await expectFailure(respond(w, 'NEW_PASSWORD_REQUIRED', 'made-up', { USERNAME: username, NEW_PASSWORD: PASSWORD }), 'NotAuthorizedException', 'Invalid session for the user.');

    const bob = await signIn(w, 'bob@example.com', TEMPORARY_PASSWORD);
    w.clock.advance(3 * MINUTE - 1);
    const bobName = bob.ChallengeParameters!.USER_ID_FOR_SRP!;
    await expectFailure(respond(w, 'NEW_PASSWORD_REQUIRED', bob.Session, { USERNAME: bobName, NEW_PASSWORD: 'x' }), 'InvalidPasswordException');
    w.clock.advance(1);
    await expectFailure(
      respond(w, 'NEW_PASSWORD_REQUIRED', bob.Session, { USERNAME: bobName, NEW_PASSWORD: PASSWORD }),
      'NotAuthorizedException',
      'Invalid session for the user, session is expired.',
    );
  });

  it('refuses to go on once the user is disabled', async () => {
    const w = await world();
    const username = await invite(w, 'ada@example.com');
    const first = await signIn(w, 'ada@example.com', TEMPORARY_PASSWORD);
    await AdminDisableUser(w.ctx, { UserPoolId: w.poolId, Username: username });
    await expectFailure(
      respond(w, 'NEW_PASSWORD_REQUIRED', first.Session, { USERNAME: username, NEW_PASSWORD: PASSWORD }),
      'NotAuthorizedException',
      'User is disabled.',
    );
  });

  it('lasts the client’s AuthSessionValidity', async () => {
    const w = await world({}, { AuthSessionValidity: 15 });
    const username = await invite(w, 'ada@example.com');
    const first = await signIn(w, 'ada@example.com', TEMPORARY_PASSWORD);
    w.clock.advance(14 * MINUTE);
    expect((await respond(w, 'NEW_PASSWORD_REQUIRED', first.Session, { USERNAME: username, NEW_PASSWORD: PASSWORD })).ChallengeName).toBe('MFA_SETUP');
  });
});

describe('RespondToAuthChallenge MFA_SETUP', () => {
  it('gives tokens only with the session VerifySoftwareToken returned', async () => {
    const w = await world();
    const username = await invite(w, 'ada@example.com');
    const first = await signIn(w, 'ada@example.com', TEMPORARY_PASSWORD);
    const setup = await respond(w, 'NEW_PASSWORD_REQUIRED', first.Session, { USERNAME: username, NEW_PASSWORD: PASSWORD });
    const associated = await AssociateSoftwareToken(w.ctx, { Session: setup.Session });
    await expectFailure(respond(w, 'MFA_SETUP', associated.Session, { USERNAME: username }), 'NotAuthorizedException', 'Invalid session for the user.');
    const verified = await VerifySoftwareToken(w.ctx, { Session: associated.Session, UserCode: await totp(w, associated.SecretCode!) });
    const done = await respond(w, 'MFA_SETUP', verified.Session, { USERNAME: 'ada@example.com' });
    expect(done.AuthenticationResult?.TokenType).toBe('Bearer');
    expect(done.ChallengeParameters).toEqual({});
  });
});

describe('RespondToAuthChallenge SOFTWARE_TOKEN_MFA', () => {
  it('accepts the code of this step and of one step either side, not two', async () => {
    const w = await world();
    const { secret } = await enrolledUser(w);
    // Well clear of the step used at enrolment, so no code below is a replay.
    w.clock.advance(60 * SECOND);
    for (const steps of [-1, 0, 1]) {
      const first = await signIn(w, 'ada@example.com', PASSWORD);
      const code = await totp(w, secret, steps);
      const out = await respond(w, 'SOFTWARE_TOKEN_MFA', first.Session, { USERNAME: 'ada@example.com', SOFTWARE_TOKEN_MFA_CODE: code });
      expect(out.AuthenticationResult?.AccessToken).toBeTruthy();
      // Past the step just used, so the next code is not a replay.
      w.clock.advance(90 * SECOND);
    }
    for (const steps of [-2, 2]) {
      const first = await signIn(w, 'ada@example.com', PASSWORD);
      const code = await totp(w, secret, steps);
      await expectFailure(
        respond(w, 'SOFTWARE_TOKEN_MFA', first.Session, { USERNAME: 'ada@example.com', SOFTWARE_TOKEN_MFA_CODE: code }),
        'CodeMismatchException',
        'Invalid code received for user',
      );
    }
  });

  it('refuses a code already used once, even in a new session', async () => {
    const w = await world();
    const { secret } = await enrolledUser(w);
    const code = await totp(w, secret);
    const first = await signIn(w, 'ada@example.com', PASSWORD);
    await respond(w, 'SOFTWARE_TOKEN_MFA', first.Session, { USERNAME: 'ada@example.com', SOFTWARE_TOKEN_MFA_CODE: code });
    const second = await signIn(w, 'ada@example.com', PASSWORD);
    await expectFailure(
      respond(w, 'SOFTWARE_TOKEN_MFA', second.Session, { USERNAME: 'ada@example.com', SOFTWARE_TOKEN_MFA_CODE: code }),
      'ExpiredCodeException',
      'Your software token has already been used once.',
    );
    // The previous step's code is older than the one used: refused as well.
    await expectFailure(
      respond(w, 'SOFTWARE_TOKEN_MFA', second.Session, { USERNAME: 'ada@example.com', SOFTWARE_TOKEN_MFA_CODE: await totp(w, secret, -1) }),
      'ExpiredCodeException',
    );
    w.clock.advance(30 * SECOND);
    const out = await respond(w, 'SOFTWARE_TOKEN_MFA', second.Session, { USERNAME: 'ada@example.com', SOFTWARE_TOKEN_MFA_CODE: await totp(w, secret) });
    expect(out.AuthenticationResult).toBeDefined();
  });

  it('lets a mistyped code be retried a few times, then spends the session', async () => {
    const w = await world();
    const { secret } = await enrolledUser(w);
    const first = await signIn(w, 'ada@example.com', PASSWORD);
    const right = await totp(w, secret);
    const wrong = right === '000000' ? '111111' : '000000';
    for (let i = 1; i < WRONG_CODES_PER_SESSION; i++) {
      await expectFailure(
        respond(w, 'SOFTWARE_TOKEN_MFA', first.Session, { USERNAME: 'ada@example.com', SOFTWARE_TOKEN_MFA_CODE: wrong }),
        'CodeMismatchException',
      );
    }
    // The fifth wrong code also begins the user's MFA lockout.
    await expectFailure(
      respond(w, 'SOFTWARE_TOKEN_MFA', first.Session, { USERNAME: 'ada@example.com', SOFTWARE_TOKEN_MFA_CODE: wrong }),
      'NotAuthorizedException',
      'Password attempts exceeded',
    );
    await expectFailure(
      respond(w, 'SOFTWARE_TOKEN_MFA', first.Session, { USERNAME: 'ada@example.com', SOFTWARE_TOKEN_MFA_CODE: right }),
      'NotAuthorizedException',
      'Invalid session for the user.',
    );
  });

  it('locks the user, not only the session, after five wrong codes, with the exponential timeout', async () => {
    const w = await world();
    const { secret } = await enrolledUser(w);
    const wrongFor = async () => ((await totp(w, secret)) === '000000' ? '111111' : '000000');
    // Wrong codes spread over several sign-ins still add up.
    for (let i = 0; i < LOCKOUT_AFTER - 1; i++) {
      const started = await signIn(w, 'ada@example.com', PASSWORD);
      await expectFailure(
        respond(w, 'SOFTWARE_TOKEN_MFA', started.Session, { USERNAME: 'ada@example.com', SOFTWARE_TOKEN_MFA_CODE: await wrongFor() }),
        'CodeMismatchException',
      );
    }
    const fifth = await signIn(w, 'ada@example.com', PASSWORD);
    await expectFailure(
      respond(w, 'SOFTWARE_TOKEN_MFA', fifth.Session, { USERNAME: 'ada@example.com', SOFTWARE_TOKEN_MFA_CODE: await wrongFor() }),
      'NotAuthorizedException',
      'Password attempts exceeded',
    );
    // Locked for 1 s: the password is not even checked, and the lockout does not grow.
    await expectFailure(signIn(w, 'ada@example.com', PASSWORD), 'NotAuthorizedException', 'Password attempts exceeded');
    w.clock.advance(SECOND);
    const sixth = await signIn(w, 'ada@example.com', PASSWORD);
    const spare = await signIn(w, 'ada@example.com', PASSWORD);
    await expectFailure(
      respond(w, 'SOFTWARE_TOKEN_MFA', sixth.Session, { USERNAME: 'ada@example.com', SOFTWARE_TOKEN_MFA_CODE: await wrongFor() }),
      'NotAuthorizedException',
      'Password attempts exceeded',
    );
    // Now 2 s, and the right code is refused even in a session opened before the lockout.
    w.clock.advance(SECOND);
    await expectFailure(
      respond(w, 'SOFTWARE_TOKEN_MFA', spare.Session, { USERNAME: 'ada@example.com', SOFTWARE_TOKEN_MFA_CODE: await totp(w, secret) }),
      'NotAuthorizedException',
      'Password attempts exceeded',
    );
    w.clock.advance(SECOND);
    const done = await respond(w, 'SOFTWARE_TOKEN_MFA', (await signIn(w, 'ada@example.com', PASSWORD)).Session, {
      USERNAME: 'ada@example.com',
      SOFTWARE_TOKEN_MFA_CODE: await totp(w, secret),
    });
    expect(done.AuthenticationResult).toBeDefined();
    // A success starts the count again.
    w.clock.advance(30 * SECOND);
    const again = await signIn(w, 'ada@example.com', PASSWORD);
    await expectFailure(
      respond(w, 'SOFTWARE_TOKEN_MFA', again.Session, { USERNAME: 'ada@example.com', SOFTWARE_TOKEN_MFA_CODE: await wrongFor() }),
      'CodeMismatchException',
    );
  });
});
