import { AdminDeleteUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DeleteObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/adminDeleteUser';
import { adminEvent, awsError, lambdaContext, TEST_ENV, useTestEnv } from '../helpers';
import { answerAdminGetUser, userActionCases } from './adminCases';

const cognito = mockClient(CognitoIdentityProviderClient);
const s3 = mockClient(S3Client);
const arrange = () => {
  answerAdminGetUser(cognito);
  cognito.on(AdminDeleteUserCommand).resolves({});
  s3.on(DeleteObjectCommand).resolves({});
};
const call = () => handler(adminEvent('adminDeleteUser', { email: 'ada@example.com' }), lambdaContext);

beforeEach(() => {
  useTestEnv();
  cognito.reset();
  s3.reset();
});

describe('adminDeleteUser', () => {
  it('deletes the archived QR code, then the user', async () => {
    arrange();
    expect(await call()).toEqual({ data: { userId: 'uuid-1', email: 'ada@example.com', action: 'USER_DELETED' } });
    expect(s3.commandCalls(DeleteObjectCommand)[0]!.args[0].input).toEqual({ Bucket: TEST_ENV.MFA_BUCKET, Key: 'mfa-qr/uuid-1.png' });
    expect(cognito.commandCalls(AdminDeleteUserCommand)[0]!.args[0].input).toEqual({ UserPoolId: TEST_ENV.USER_POOL_ID, Username: 'uuid-1' });
  });

  it('keeps the user when the QR code cannot be deleted', async () => {
    arrange();
    s3.on(DeleteObjectCommand).rejects(awsError('InternalError', 'internal', 'server'));
    expect((await call()).error?.errorType).toBe('ServiceUnavailable');
    expect(cognito.commandCalls(AdminDeleteUserCommand)).toHaveLength(0);
  });

  it('skips S3 when the archive is turned off', async () => {
    delete process.env.MFA_BUCKET;
    arrange();
    expect((await call()).data?.action).toBe('USER_DELETED');
    expect(s3.calls()).toHaveLength(0);
  });

  userActionCases({ field: 'adminDeleteUser', handler, cognito, arrange });
});
