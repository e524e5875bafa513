import {
  AdminCreateUserCommand,
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  CompleteWebAuthnRegistrationCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteWebAuthnCredentialCommand,
  GetUserCommand,
  GetUserPoolMfaConfigCommand,
  InitiateAuthCommand,
  ListWebAuthnCredentialsCommand,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
  SetUserPoolMfaConfigCommand,
  StartWebAuthnRegistrationCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE, ManualClock, SECOND } from '../../../local/cognito/clock';
import { PUBLIC_ACTIONS } from '../../../local/cognito/iam';
import { startCognitoEmulator, type CognitoEmulator } from '../../../local/cognito/server';
import { TEST_PASSWORD_COST } from '../../helpers';
import { SoftAuthenticator } from './softAuthenticator';

const RP_ID = 'app.example.test';
const ORIGIN = `https://${RP_ID}`;
const PASSWORD = 'Correct-Horse-1';
const TEMPORARY = 'Temporary-Pass-9';

let dataDir: string;
let emulator: CognitoEmulator;
let cognito: CognitoIdentityProviderClient;
const clock = new ManualClock(Date.UTC(2030, 0, 1, 12, 0, 15));
let poolId: string;
let clientId: string;

const code = (secret: string) => generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) });

async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (err) {
    return { name: (err as Error).name, message: (err as Error).message };
  }
  throw new Error('expected the call to fail');
}

/** A user invited, through the new password and TOTP enrolment, to first tokens. */
async function enrol(email: string): Promise<{ accessToken: string; secret: string }> {
  await cognito.send(
    new AdminCreateUserCommand({
      UserPoolId: poolId,
      Username: email,
      TemporaryPassword: TEMPORARY,
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
      ],
    }),
  );
  const first = await cognito.send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: email, PASSWORD: TEMPORARY } }),
  );
  const setup = await cognito.send(
    new RespondToAuthChallengeCommand({
      ClientId: clientId,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: first.Session,
      ChallengeResponses: { USERNAME: email, NEW_PASSWORD: PASSWORD },
    }),
  );
  const associated = await cognito.send(new AssociateSoftwareTokenCommand({ Session: setup.Session }));
  const verified = await cognito.send(new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: await code(associated.SecretCode!) }));
  const done = await cognito.send(
    new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'MFA_SETUP', Session: verified.Session, ChallengeResponses: { USERNAME: email } }),
  );
  clock.advance(30 * SECOND);
  return { accessToken: done.AuthenticationResult!.AccessToken!, secret: associated.SecretCode! };
}

async function startRegistration(accessToken: string): Promise<Record<string, unknown>> {
  const started = await cognito.send(new StartWebAuthnRegistrationCommand({ AccessToken: accessToken }));
  return started.CredentialCreationOptions as Record<string, unknown>;
}

const complete = (accessToken: string, credential: Record<string, unknown>) =>
  cognito.send(new CompleteWebAuthnRegistrationCommand({ AccessToken: accessToken, Credential: credential as never }));

async function passkeyChallenge(username: string, client = clientId) {
  const out = await cognito.send(
    new InitiateAuthCommand({ AuthFlow: 'USER_AUTH', ClientId: client, AuthParameters: { USERNAME: username, PREFERRED_CHALLENGE: 'WEB_AUTHN' } }),
  );
  return { out, options: JSON.parse(out.ChallengeParameters?.CREDENTIAL_REQUEST_OPTIONS ?? '{}') as Record<string, unknown> };
}

const answer = (username: string, session: string | undefined, credential: Record<string, unknown>) =>
  cognito.send(
    new RespondToAuthChallengeCommand({
      ClientId: clientId,
      ChallengeName: 'WEB_AUTHN',
      Session: session,
      ChallengeResponses: { USERNAME: username, CREDENTIAL: JSON.stringify(credential) },
    }),
  );

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cognito-webauthn-'));
  emulator = await startCognitoEmulator({ port: 0, dataDir, clock, passwordCost: TEST_PASSWORD_COST });
  cognito = new CognitoIdentityProviderClient({
    endpoint: emulator.url,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const pool = await cognito.send(
    new CreateUserPoolCommand({ PoolName: 'users', UsernameAttributes: ['email'], UsernameConfiguration: { CaseSensitive: false } }),
  );
  poolId = pool.UserPool!.Id!;
  await cognito.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true } }));
  const client = await cognito.send(
    new CreateUserPoolClientCommand({
      UserPoolId: poolId,
      ClientName: 'app',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      PreventUserExistenceErrors: 'ENABLED',
    }),
  );
  clientId = client.UserPoolClient!.ClientId!;
});

afterAll(async () => {
  cognito?.destroy();
  await emulator?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('passkeys in the Cognito emulator, through the real SDK', () => {
  const ada = 'ada@example.com';
  const grace = 'grace@example.com';
  let adaToken: string;
  let adaSecret: string;
  let graceToken: string;
  const adaKey = new SoftAuthenticator(ORIGIN);
  const graceKey = new SoftAuthenticator(ORIGIN);

  it('are token-authorized operations, sent unsigned like the other user operations', () => {
    for (const action of ['StartWebAuthnRegistration', 'CompleteWebAuthnRegistration', 'ListWebAuthnCredentials', 'DeleteWebAuthnCredential']) {
      expect(PUBLIC_ACTIONS.has(action)).toBe(true);
    }
  });

  it('refuses to start a registration while the pool has no relying party ID', async () => {
    ({ accessToken: adaToken, secret: adaSecret } = await enrol(ada));
    ({ accessToken: graceToken } = await enrol(grace));
    const err = await failure(startRegistration(adaToken));
    expect(err.name).toBe('WebAuthnConfigurationMissingException');
    expect((await failure(passkeyChallenge(ada))).name).toBe('InvalidParameterException');
  });

  it('keeps and answers the pool WebAuthnConfiguration', async () => {
    const webAuthn = { RelyingPartyId: RP_ID, UserVerification: 'required', FactorConfiguration: 'MULTI_FACTOR_WITH_USER_VERIFICATION' } as const;
    const set = await cognito.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, WebAuthnConfiguration: webAuthn }));
    expect(set.WebAuthnConfiguration).toEqual(webAuthn);
    expect(set.MfaConfiguration).toBe('ON');
    const got = await cognito.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }));
    expect(got.WebAuthnConfiguration).toEqual(webAuthn);
    expect(got.SoftwareTokenMfaConfiguration).toEqual({ Enabled: true });
    const bad = await failure(
      cognito.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, WebAuthnConfiguration: { RelyingPartyId: RP_ID, UserVerification: 'sometimes' as never } })),
    );
    expect(bad.name).toBe('InvalidParameterException');
  });

  it('registers a passkey from the creation options and lists it', async () => {
    const options = await startRegistration(adaToken);
    expect(options).toMatchObject({
      rp: { id: RP_ID },
      attestation: 'none',
      excludeCredentials: [],
      authenticatorSelection: { userVerification: 'required', residentKey: 'required' },
    });
    expect(String(options.challenge)).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    const response = adaKey.register(options);
    await complete(adaToken, response);

    const listed = await cognito.send(new ListWebAuthnCredentialsCommand({ AccessToken: adaToken }));
    expect(listed.Credentials).toHaveLength(1);
    expect(listed.Credentials![0]).toMatchObject({
      CredentialId: adaKey.credentialId,
      RelyingPartyId: RP_ID,
      AuthenticatorAttachment: 'platform',
      AuthenticatorTransports: ['internal'],
    });
    expect(listed.Credentials![0]!.CreatedAt).toEqual(clock.now());

    // The challenge answered once: the same response again finds no challenge.
    expect((await failure(complete(adaToken, response))).name).toBe('WebAuthnChallengeNotFoundException');
    // The next registration excludes the passkey already there.
    const next = await startRegistration(adaToken);
    expect(next.excludeCredentials).toEqual([{ id: adaKey.credentialId, type: 'public-key', transports: ['internal'] }]);
  });

  it('refuses registrations from another origin, for another RP ID, without user verification, or after the challenge expired', async () => {
    const other = new SoftAuthenticator(ORIGIN);
    const cases: Array<[Parameters<SoftAuthenticator['register']>[1], string]> = [
      [{ origin: 'https://evil.example' }, 'WebAuthnOriginNotAllowedException'],
      [{ rpId: 'evil.example' }, 'WebAuthnRelyingPartyMismatchException'],
      [{ userVerified: false }, 'WebAuthnCredentialNotSupportedException'],
      [{ challenge: 'bm90LXRoZS1jaGFsbGVuZ2U' }, 'WebAuthnCredentialNotSupportedException'],
    ];
    for (const [ceremony, name] of cases) {
      const options = await startRegistration(graceToken);
      expect((await failure(complete(graceToken, other.register(options, ceremony)))).name).toBe(name);
    }
    const options = await startRegistration(graceToken);
    clock.advance(5 * MINUTE);
    expect((await failure(complete(graceToken, other.register(options)))).name).toBe('WebAuthnChallengeNotFoundException');
    const listed = await cognito.send(new ListWebAuthnCredentialsCommand({ AccessToken: graceToken }));
    expect(listed.Credentials).toEqual([]);
    // Grace's own passkey, for later.
    await complete(graceToken, graceKey.register(await startRegistration(graceToken)));
  });

  it('turns passkey MFA on only for a user who keeps TOTP', async () => {
    await cognito.send(new SetUserMFAPreferenceCommand({ AccessToken: adaToken, WebAuthnMfaSettings: { Enabled: true } }));
    const err = await failure(
      cognito.send(
        new SetUserMFAPreferenceCommand({ AccessToken: adaToken, SoftwareTokenMfaSettings: { Enabled: false }, WebAuthnMfaSettings: { Enabled: true } }),
      ),
    );
    expect(err.name).toBe('InvalidParameterException');
  });

  it('signs in with USER_AUTH and a WEB_AUTHN challenge, with no TOTP step when the passkey satisfies MFA', async () => {
    const { out, options } = await passkeyChallenge(ada);
    expect(out.ChallengeName).toBe('WEB_AUTHN');
    expect(options).toMatchObject({ rpId: RP_ID, userVerification: 'required', allowCredentials: [{ id: adaKey.credentialId, type: 'public-key' }] });
    // The pool client's AuthSessionValidity (3 minutes) bounds the ceremony.
    expect(options.timeout).toBe(3 * MINUTE);
    const done = await answer(ada, out.Session, adaKey.assert(options));
    expect(done.ChallengeName).toBeUndefined();
    const me = await cognito.send(new GetUserCommand({ AccessToken: done.AuthenticationResult!.AccessToken! }));
    expect(me.UserAttributes).toContainEqual({ Name: 'email', Value: ada });
  });

  it('refuses assertions from another origin, for another RP ID, without user verification, for another challenge, or with an old counter', async () => {
    const cases: Array<Parameters<SoftAuthenticator['assert']>[1]> = [
      { origin: 'https://evil.example' },
      { rpId: 'evil.example' },
      { userVerified: false },
      { challenge: 'bm90LXRoZS1jaGFsbGVuZ2U' },
    ];
    for (const ceremony of cases) {
      const { out, options } = await passkeyChallenge(ada);
      const err = await failure(answer(ada, out.Session, adaKey.assert(options, ceremony)));
      expect(err).toEqual({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    }
    const { out, options } = await passkeyChallenge(ada);
    adaKey.rewindCounter(0);
    expect((await failure(answer(ada, out.Session, adaKey.assert(options)))).name).toBe('NotAuthorizedException');
  });

  it('answers each WEB_AUTHN session once', async () => {
    adaKey.rewindCounter(100);
    const { out, options } = await passkeyChallenge(ada);
    const assertion = adaKey.assert(options);
    await answer(ada, out.Session, assertion);
    const err = await failure(answer(ada, out.Session, assertion));
    expect(err.name).toBe('NotAuthorizedException');
  });

  it("refuses another user's passkey", async () => {
    const { out, options } = await passkeyChallenge(ada);
    const err = await failure(answer(ada, out.Session, graceKey.assert({ ...options, allowCredentials: [] })));
    expect(err).toEqual({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('refuses a passkey alone where MFA is required and the user has not turned passkey MFA on', async () => {
    const { out, options } = await passkeyChallenge(grace);
    const err = await failure(answer(grace, out.Session, graceKey.assert(options)));
    expect(err.name).toBe('NotAuthorizedException');
  });

  it('answers a name no user has as it answers a user without a matching passkey', async () => {
    const unknown = 'nobody@example.com';
    const { out, options } = await passkeyChallenge(unknown);
    expect(out.ChallengeName).toBe('WEB_AUTHN');
    expect(Object.keys(out.ChallengeParameters!)).toEqual(['CREDENTIAL_REQUEST_OPTIONS']);
    expect(options).toMatchObject({ rpId: RP_ID, userVerification: 'required', allowCredentials: [] });
    const err = await failure(answer(unknown, out.Session, adaKey.assert(options)));
    expect(err).toEqual({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('refuses USER_AUTH on an app client that does not allow it, and a registration finished through another client', async () => {
    const client = await cognito.send(
      new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'password-only', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }),
    );
    const otherClient = client.UserPoolClient!.ClientId!;
    const err = await failure(passkeyChallenge(ada, otherClient));
    expect(err).toEqual({ name: 'InvalidParameterException', message: 'USER_AUTH flow not enabled for this client' });

    const first = await cognito.send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: otherClient, AuthParameters: { USERNAME: ada, PASSWORD } }),
    );
    const done = await cognito.send(
      new RespondToAuthChallengeCommand({
        ClientId: otherClient,
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: first.Session,
        ChallengeResponses: { USERNAME: ada, SOFTWARE_TOKEN_MFA_CODE: await code(adaSecret) },
      }),
    );
    clock.advance(30 * SECOND);
    const options = await startRegistration(adaToken);
    const mismatch = await failure(complete(done.AuthenticationResult!.AccessToken!, new SoftAuthenticator(ORIGIN).register(options)));
    expect(mismatch.name).toBe('WebAuthnClientMismatchException');
  });

  it('deletes a passkey, which then no longer signs in', async () => {
    const other = await failure(cognito.send(new DeleteWebAuthnCredentialCommand({ AccessToken: adaToken, CredentialId: graceKey.credentialId })));
    expect(other.name).toBe('ResourceNotFoundException');
    await cognito.send(new DeleteWebAuthnCredentialCommand({ AccessToken: adaToken, CredentialId: adaKey.credentialId }));
    const listed = await cognito.send(new ListWebAuthnCredentialsCommand({ AccessToken: adaToken }));
    expect(listed.Credentials).toEqual([]);
    const { out, options } = await passkeyChallenge(ada);
    expect(options.allowCredentials).toEqual([]);
    const err = await failure(answer(ada, out.Session, adaKey.assert(options)));
    expect(err).toEqual({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('as a single factor: refused while MFA is required, a sign-in of its own where MFA is off', async () => {
    await cognito.send(
      new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, WebAuthnConfiguration: { RelyingPartyId: RP_ID, UserVerification: 'preferred', FactorConfiguration: 'SINGLE_FACTOR' } }),
    );
    expect((await failure(passkeyChallenge(grace))).name).toBe('InvalidParameterException');
    await cognito.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'OFF' }));
    const { out, options } = await passkeyChallenge(grace);
    expect(options.userVerification).toBe('preferred');
    const done = await answer(grace, out.Session, graceKey.assert(options, { userVerified: false }));
    expect(done.AuthenticationResult?.AccessToken).toBeTruthy();
  });
});
