import {
  AdminDeleteSoftwareTokenCommand,
  AdminDeleteUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { DeleteObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { cognitoAttributeName } from '../../accountAttributes';
import { handler } from '../../functions/adminResetMfa';
import { qrObjectKey } from '../../functions/lib/mfa';
import { notificationMail } from '../../functions/lib/templates';
import { adminEvent, awsError, lambdaContext, TEST_ENV, useTestEnv } from '../helpers';
import { answerAdminGetUser, userActionCases } from './adminCases';

const cognito = mockClient(CognitoIdentityProviderClient);
const s3 = mockClient(S3Client);
const ses = mockClient(SESv2Client);
let order: string[] = [];
const record = (name: string) => () => {
  order.push(name);
  return {};
};
const arrange = () => {
  answerAdminGetUser(cognito);
  cognito.on(AdminDeleteSoftwareTokenCommand).callsFake(record('AdminDeleteSoftwareToken'));
  cognito.on(AdminDeleteUserAttributesCommand).callsFake(record('AdminDeleteUserAttributes'));
  cognito.on(AdminUserGlobalSignOutCommand).callsFake(record('AdminUserGlobalSignOut'));
  s3.on(DeleteObjectCommand).callsFake(record('DeleteObject'));
  ses.on(SendEmailCommand).callsFake(record('SendEmail'));
};
const call = () => handler(adminEvent('adminResetMfa', { email: 'ada@example.com' }), lambdaContext);

beforeEach(() => {
  useTestEnv();
  cognito.reset();
  s3.reset();
  ses.reset();
  order = [];
});

describe('adminResetMfa', () => {
  it('removes the authenticator, the QR code and the recovery codes, signs out and tells the user', async () => {
    arrange();
    expect(await call()).toEqual({ data: { userId: 'uuid-1', email: 'ada@example.com', action: 'MFA_RESET' } });
    expect(order).toEqual(['AdminDeleteSoftwareToken', 'DeleteObject', 'AdminDeleteUserAttributes', 'AdminUserGlobalSignOut', 'SendEmail']);
    const target = { UserPoolId: TEST_ENV.USER_POOL_ID, Username: 'uuid-1' };
    expect(cognito.commandCalls(AdminDeleteSoftwareTokenCommand)[0]!.args[0].input).toEqual(target);
    expect(s3.commandCalls(DeleteObjectCommand)[0]!.args[0].input).toEqual({ Bucket: TEST_ENV.MFA_BUCKET, Key: qrObjectKey('uuid-1') });
    expect(cognito.commandCalls(AdminDeleteUserAttributesCommand)[0]!.args[0].input).toEqual({
      ...target,
      UserAttributeNames: [cognitoAttributeName('recoveryCodes')],
    });
    expect(cognito.commandCalls(AdminUserGlobalSignOutCommand)[0]!.args[0].input).toEqual(target);
    const mail = ses.commandCalls(SendEmailCommand)[0]!.args[0].input;
    expect(mail.Destination).toEqual({ ToAddresses: ['ada@example.com'] });
    expect(mail.FromEmailAddress).toBe(TEST_ENV.SES_FROM_ADDRESS);
    const expected = notificationMail({ product: TEST_ENV.MFA_ISSUER, kind: 'mfaReset' });
    expect(mail.Content?.Simple?.Subject?.Data).toBe(expected.subject);
    expect(mail.Content?.Simple?.Body?.Text?.Data).toBe(expected.text);
  });

  it('still answers MFA_RESET when the e-mail fails, the reset being done', async () => {
    arrange();
    ses.on(SendEmailCommand).rejects(awsError('MessageRejected'));
    expect((await call()).data).toMatchObject({ action: 'MFA_RESET' });
  });

  it('sends no e-mail when SES is not configured, and skips S3 without an archive', async () => {
    delete process.env.SES_FROM_ADDRESS;
    delete process.env.MFA_BUCKET;
    arrange();
    expect((await call()).data).toMatchObject({ action: 'MFA_RESET' });
    expect(order).toEqual(['AdminDeleteSoftwareToken', 'AdminDeleteUserAttributes', 'AdminUserGlobalSignOut']);
  });

  it('stops before deleting anything when the factor cannot be removed', async () => {
    arrange();
    cognito.on(AdminDeleteSoftwareTokenCommand).rejects(awsError('InternalErrorException', 'x', 'server'));
    expect((await call()).error?.errorType).toBe('ServiceUnavailable');
    expect(s3.calls()).toHaveLength(0);
    expect(ses.calls()).toHaveLength(0);
  });

  userActionCases({ field: 'adminResetMfa', handler, cognito, arrange });
});
