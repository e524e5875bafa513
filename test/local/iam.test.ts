import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../../operations';
import { LOCAL_CREDENTIALS } from '../../local/credentials';
import { FlowStack, PASSWORD, Q, SUBJECTS } from '../flow/harness';
import { temporaryPasswordOf } from '../flow/client';
import type { MfaSetup } from '../../functions/lib/mfa';

/**
 * IAM offline: each function signs with its own key, and Cognito, S3 and SES allow only what its
 * row in operations.ts grants. Rows are cut here (functionActions) to see a missing action fail.
 */

const f = new FlowStack();
const rowOf = (field: string) => operations.find((op) => op.field === field)!.iam;
const without = (field: string, action: string) => rowOf(field).filter((a) => a !== action);

beforeAll(() =>
  f.start({
    functionActions: {
      confirmUser: without('confirmUser', 's3:PutObject'),
      regenerateRecoveryCodes: without('regenerateRecoveryCodes', 'cognito-idp:AdminUpdateUserAttributes'),
      changePassword: without('changePassword', 'ses:SendEmail'),
    },
  }),
);
afterAll(() => f.stop());

const deniedTo = (field: string) => f.stack.iam.denials.filter((d) => d.principalArn === f.stack.functions.principalOf(field).arn);
const keyOf = (field: string) => {
  const { accessKeyId, secretAccessKey } = f.stack.functions.principalOf(field);
  return { accessKeyId, secretAccessKey };
};
const cognitoAs = (credentials: { accessKeyId: string; secretAccessKey: string }) =>
  new CognitoIdentityProviderClient({ endpoint: f.stack.info.cognitoEndpoint, region: f.stack.info.region, credentials, maxAttempts: 1 });

describe('a function whose row misses an action', () => {
  it('Cognito: regenerateRecoveryCodes without AdminUpdateUserAttributes fails, and the emulator records AccessDeniedException for its role', async () => {
    const user = await f.enrol('cognito.denied@example.com');
    const answer = await f.call(Q.regenerateRecoveryCodes, {}, user.tokens.accessToken);
    expect(answer.errors).toHaveLength(1);
    expect(deniedTo('regenerateRecoveryCodes')).toEqual([
      expect.objectContaining({
        service: 'cognito-idp',
        action: 'cognito-idp:AdminUpdateUserAttributes',
        resource: `arn:aws:cognito-idp:${f.stack.info.region}:000000000000:userpool/${f.stack.info.userPoolId}`,
      }),
    ]);
  });

  it('S3: confirmUser without PutObject enrols without the archive: no QR link, and the PutObject denial is recorded', async () => {
    const before = deniedTo('confirmUser').length;
    const email = 's3.denied@example.com';
    await f.data('createUser', Q.createUser, { input: { email, fullName: 'S3 Denied' } });
    const temporaryPassword = temporaryPasswordOf(await f.inbox.next(email, SUBJECTS.invitation));
    const confirmed = await f.data<{ mfaSetup: MfaSetup }>('confirmUser', Q.confirmUser, {
      input: { email, temporaryPassword, newPassword: PASSWORD },
    });
    expect(confirmed.mfaSetup.qrCodeUrl).toBeNull();
    expect(deniedTo('confirmUser').slice(before)).toEqual([expect.objectContaining({ service: 's3', action: 's3:PutObject' })]);
  });

  it('SES: changePassword without SendEmail changes the password but sends no notice, and the denial is recorded', async () => {
    const user = await f.enrol('ses.denied@example.com');
    const newPassword = 'Second-Password-2!';
    await f.data('changePassword', Q.changePassword, { input: { oldPassword: user.password, newPassword } }, user.tokens.accessToken);
    expect(deniedTo('changePassword')).toEqual([expect.objectContaining({ service: 'ses', action: 'ses:SendEmail' })]);
    await f.signIn(user.email, newPassword, user.secret);
  });
});

describe('the Cognito emulator', () => {
  const adminGetUser = (client: CognitoIdentityProviderClient) =>
    client
      .send(new AdminGetUserCommand({ UserPoolId: f.stack.info.userPoolId, Username: 'nobody@example.com' }))
      .then(() => new Error('AdminGetUser answered'), (err: Error) => err);

  it('refuses an unsigned admin call with MissingAuthenticationTokenException (403)', async () => {
    const res = await fetch(f.stack.info.cognitoEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.AdminGetUser' },
      body: JSON.stringify({ UserPoolId: f.stack.info.userPoolId, Username: 'nobody@example.com' }),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
  });

  it('refuses a call signed with the wrong secret, and one signed with an unknown key', async () => {
    const wrongSecret = await adminGetUser(cognitoAs({ accessKeyId: LOCAL_CREDENTIALS.accessKeyId, secretAccessKey: 'not-the-secret' }));
    expect(wrongSecret.name).toBe('InvalidSignatureException');
    const unknown = await adminGetUser(cognitoAs({ accessKeyId: 'AKIANOBODY0000000000', secretAccessKey: 'x' }));
    expect(unknown.name).toBe('UnrecognizedClientException');
  });

  it("refuses a function's key an action outside its row, in AWS's words", async () => {
    const login = f.stack.functions.principalOf('login');
    const refused = await adminGetUser(cognitoAs(keyOf('login')));
    const pool = `arn:aws:cognito-idp:${f.stack.info.region}:000000000000:userpool/${f.stack.info.userPoolId}`;
    expect(refused.name).toBe('AccessDeniedException');
    expect(refused.message).toBe(
      `User: ${login.arn} is not authorized to perform: cognito-idp:AdminGetUser on resource: ${pool} because no identity-based policy allows the cognito-idp:AdminGetUser action`,
    );
    // The same call with a key whose row grants it reaches the pool.
    const allowed = await adminGetUser(cognitoAs(keyOf('adminGetUser')));
    expect(allowed.name).toBe('UserNotFoundException');
  });

  it('keeps the public operations unsigned, as Cognito does', async () => {
    const res = await fetch(f.stack.info.cognitoEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
      body: JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: f.stack.info.clientId, AuthParameters: { USERNAME: 'nobody@example.com', PASSWORD: 'Wrong-Password-1!' } }),
    });
    expect(await res.json()).toMatchObject({ __type: 'NotAuthorizedException' });
    const viaSdk = await cognitoAs(keyOf('login'))
      .send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: f.stack.info.clientId, AuthParameters: { USERNAME: 'nobody@example.com', PASSWORD: 'x' } }))
      .catch((err: Error) => err);
    expect((viaSdk as Error).name).toBe('NotAuthorizedException');
  });
});

describe('S3 and SES', () => {
  const s3As = (field: string) =>
    new S3Client({ endpoint: f.stack.info.s3Endpoint, forcePathStyle: true, region: f.stack.info.region, credentials: keyOf(field) });
  const getMissing = (field: string) =>
    s3As(field)
      .send(new GetObjectCommand({ Bucket: f.stack.info.mfaBucket!, Key: 'mfa-qr/nobody.png' }))
      .catch((err: { name: string; $metadata: { httpStatusCode?: number } }) => err);

  it('answers a missing object 404 to a caller with s3:ListBucket and 403 AccessDenied to one without', async () => {
    expect(rowOf('confirmMfa')).toContain('s3:ListBucket');
    expect(rowOf('login')).not.toContain('s3:ListBucket');
    expect(await getMissing('confirmMfa')).toMatchObject({ name: 'NoSuchKey', $metadata: { httpStatusCode: 404 } });
    expect(await getMissing('login')).toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
  });

  it("refuses a function's key an object action outside its row", async () => {
    expect(await getMissing('logout')).toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    expect(deniedTo('logout')).toEqual([expect.objectContaining({ action: 's3:GetObject', resource: `arn:aws:s3:::${f.stack.info.mfaBucket}/mfa-qr/nobody.png` })]);
  });

  it("SES refuses SendEmail to a function's key without ses:SendEmail, in SES v2's error shape", async () => {
    const ses = new SESv2Client({ endpoint: f.stack.info.mailboxUrl, region: f.stack.info.region, credentials: keyOf('login') });
    const refused = await ses
      .send(
        new SendEmailCommand({
          FromEmailAddress: 'no-reply@auth-gateway.local',
          Destination: { ToAddresses: ['someone@example.com'] },
          Content: { Simple: { Subject: { Data: 's' }, Body: { Text: { Data: 'b' } } } },
        }),
      )
      .catch((err: { name: string; message: string; $metadata: { httpStatusCode?: number } }) => err);
    expect(refused).toMatchObject({ name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } });
    expect((refused as Error).message).toContain('is not authorized to perform: ses:SendEmail on resource: arn:aws:ses:');
  });
});
