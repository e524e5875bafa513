import { AuthError, createAuthClient, registerPasskey, signInWithPasskey, type PasskeyAuthenticator } from '@auth-gateway/client';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE } from '../../local/cognito/clock';
import { SoftAuthenticator, type Ceremony } from '../local/cognito/softAuthenticator';
import { errorOf, tokenVerifiers, type GraphQLAnswer } from './client';
import { env, FlowStack, Q, SUBJECTS, type EnrolledUser } from './harness';

/**
 * Passkeys in the offline stack (dev turns them on for an app at http://localhost), driven through
 * the typed client with a software authenticator standing in for the browser's: registration,
 * a sign-in with the passkey alone while MFA stays mandatory, deletion, and what an attacker with
 * an address, an old token or a passkey of another site can do.
 */

const ORIGIN = 'http://localhost:5173';
const flow = new FlowStack();
const REFUSED = { errorType: 'NotAuthorized', message: 'The passkey was not accepted, or the sign-in took too long. Start again.' };

/** The software authenticator as the client's PasskeyAuthenticator: JSON in, JSON out, as the browser's. */
function asBrowser(key: SoftAuthenticator, ceremony: Ceremony = {}): PasskeyAuthenticator {
  return {
    create: async (options) => JSON.stringify(key.register(JSON.parse(options), ceremony)),
    get: async (options) => JSON.stringify(key.assert(JSON.parse(options), ceremony)),
  };
}

function clientFor(user?: EnrolledUser) {
  const { graphqlUrl, apiKey } = flow.stack.info;
  const auth = createAuthClient({ url: graphqlUrl, apiKey, now: () => flow.clock.now().getTime() });
  if (user) auth.session.store(user.tokens);
  return auth;
}

async function refusal(promise: Promise<unknown>): Promise<{ errorType: string; message: string }> {
  const error = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(AuthError);
  const { errorType, message } = error as AuthError;
  return { errorType, message };
}

const startSignIn = (email: string) => flow.data<{ email: string; options: string; session: string }>('startPasskeySignIn', Q.startPasskeySignIn, { input: { email } });
const finishSignIn = (email: string, session: string, credential: unknown) =>
  flow.call(Q.finishPasskeySignIn, { input: { email, session, credential: JSON.stringify(credential) } });

/** The one error of an answer, as the caller reads it. */
function refusedWith(answer: GraphQLAnswer<unknown>) {
  const { errorType, message } = errorOf(answer);
  return { errorType, message };
}

let ada: EnrolledUser;
const adaKey = new SoftAuthenticator(ORIGIN);

beforeAll(async () => {
  await flow.start();
  ada = await flow.enrol('ada.passkey@example.com');
});

afterAll(async () => {
  await flow.stop();
});

describe('passkeys', () => {
  it('are on in dev, for an app served from localhost', () => {
    expect(env.passkeys).toEqual({ relyingPartyId: 'localhost', userVerification: 'required' });
  });

  it('register through the typed client after a fresh sign-in, e-mail the user and show in the list', async () => {
    const auth = clientFor(ada);
    const passkey = await registerPasskey(auth, asBrowser(adaKey));
    expect(passkey).toMatchObject({ id: adaKey.credentialId, relyingPartyId: 'localhost', authenticatorAttachment: 'platform' });
    expect(passkey.created).toBe(flow.clock.now().toISOString());
    const mail = await flow.inbox.next(ada.email, SUBJECTS.passkeyAdded);
    expect(mail.body.text).toContain('If this was not you');
    const page = await auth.listPasskeys();
    expect(page).toEqual({ passkeys: [passkey], nextToken: null });
  });

  it('sign the user in with the passkey alone, while MFA stays required: tokens verify against the JWKS', async () => {
    const auth = clientFor();
    const tokens = await signInWithPasskey(auth, ada.email, asBrowser(adaKey));
    const verifiers = tokenVerifiers(flow.stack.info);
    const claims = await verifiers.access.verify(tokens.accessToken);
    expect(claims.sub).toBe(ada.userId);
    // The client kept the tokens: token operations work straight away.
    expect((await auth.me()).email).toBe(ada.email);
    expect(decodeJwt(tokens.idToken).email).toBe(ada.email);
  });

  it('leave password and authenticator code working for the same user', async () => {
    const tokens = await flow.signIn(ada.email, ada.password, ada.secret);
    expect(tokens.accessToken).toBeTruthy();
  });

  it('answer every address alike at the start, and refuse a passkey that is not theirs alike at the end', async () => {
    const bob = await flow.enrol('bob.nopasskey@example.com');
    const attackerKey = new SoftAuthenticator(ORIGIN);
    const answers = [];
    for (const email of [ada.email, bob.email, 'nobody.here@example.com']) {
      const start = await startSignIn(email);
      const options = JSON.parse(start.options);
      expect(Object.keys(options).sort()).toEqual(['challenge', 'rpId', 'timeout', 'userVerification']);
      expect(options).toMatchObject({ rpId: 'localhost', userVerification: 'required', timeout: env.tokens.authSessionMinutes * MINUTE });
      answers.push({ challengeLength: options.challenge.length, sessionLength: start.session.length });
      // The attacker's own passkey, registered nowhere, is refused with the same answer for all three.
      expect(refusedWith(await finishSignIn(email, start.session, attackerKey.assert(options)))).toEqual(REFUSED);
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
  });

  it("refuse Ada's own passkey used from another origin or for another relying party, and a session used twice", async () => {
    for (const ceremony of [{ origin: 'https://phishing.example' }, { rpId: 'phishing.example' }, { userVerified: false }]) {
      const start = await startSignIn(ada.email);
      expect(refusedWith(await finishSignIn(ada.email, start.session, adaKey.assert(JSON.parse(start.options), ceremony)))).toEqual(REFUSED);
    }
    const start = await startSignIn(ada.email);
    const assertion = adaKey.assert(JSON.parse(start.options));
    expect((await finishSignIn(ada.email, start.session, assertion)).errors).toBeUndefined();
    expect(refusedWith(await finishSignIn(ada.email, start.session, assertion))).toEqual(REFUSED);
  });

  it('refuse a sign-in answered after the session expired', async () => {
    const start = await startSignIn(ada.email);
    flow.clock.advance(env.tokens.authSessionMinutes * MINUTE + 1);
    expect(refusedWith(await finishSignIn(ada.email, start.session, adaKey.assert(JSON.parse(start.options))))).toEqual(REFUSED);
  });

  it('need a recent sign-in to add or delete one: an older stolen token can do neither', async () => {
    const fresh = await flow.signIn(ada.email, ada.password, ada.secret);
    flow.clock.advance((env.security.reauthenticateWithinMinutes + 1) * MINUTE);
    const stale = clientFor({ ...ada, tokens: fresh });
    expect((await refusal(registerPasskey(stale, asBrowser(new SoftAuthenticator(ORIGIN))))).errorType).toBe('ReauthenticationRequired');
    expect((await refusal(stale.deletePasskey({ input: { credentialId: adaKey.credentialId } }))).errorType).toBe('ReauthenticationRequired');
    // Listing reveals nothing new to the token's holder, so it needs no fresh sign-in.
    expect((await stale.listPasskeys()).passkeys.map((p) => p.id)).toEqual([adaKey.credentialId]);
  });

  it('leave nothing half-done when the browser answer is refused: start again and finish', async () => {
    const tokens = await flow.signIn(ada.email, ada.password, ada.secret);
    const auth = clientFor({ ...ada, tokens });
    const second = new SoftAuthenticator(ORIGIN);
    const refused = await refusal(registerPasskey(auth, asBrowser(second, { origin: 'https://phishing.example' })));
    expect(refused).toEqual({ errorType: 'ValidationError', message: 'The passkey was made on a site this gateway does not accept.' });
    expect((await auth.listPasskeys()).passkeys).toHaveLength(1);
    expect((await registerPasskey(auth, asBrowser(second))).id).toBe(second.credentialId);
    expect((await auth.listPasskeys()).passkeys.map((p) => p.id)).toEqual([adaKey.credentialId, second.credentialId]);
  });

  it("delete one after a fresh sign-in, e-mail the user, and refuse another user's passkey id", async () => {
    const tokens = await flow.signIn(ada.email, ada.password, ada.secret);
    const auth = clientFor({ ...ada, tokens });
    const dave = await flow.enrol('dave.key@example.com');
    const daveKey = new SoftAuthenticator(ORIGIN);
    await registerPasskey(clientFor(dave), asBrowser(daveKey));
    expect(await refusal(auth.deletePasskey({ input: { credentialId: daveKey.credentialId } }))).toEqual({ errorType: 'NotFound', message: 'You have no passkey with this id.' });

    expect(await auth.deletePasskey({ input: { credentialId: adaKey.credentialId } })).toEqual({ credentialId: adaKey.credentialId, status: 'DELETED' });
    await flow.inbox.next(ada.email, SUBJECTS.passkeyRemoved);
    const start = await startSignIn(ada.email);
    expect(refusedWith(await finishSignIn(ada.email, start.session, adaKey.assert(JSON.parse(start.options))))).toEqual(REFUSED);
  });

  it('leave recovery codes able to recover an account whose passkeys and authenticator are lost', async () => {
    const answer = await flow.data<{ verificationType: string }>('recoverAccount', Q.recoverAccount, {
      input: { email: ada.email, password: ada.password, recoveryCode: ada.recoveryCodes[0] },
    });
    expect(answer.verificationType).toBe('MFA_SETUP');
  });
});
