import { AdminCreateUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/adminResendInvitation';
import { adminEvent, awsError, lambdaContext, useTestEnv } from '../helpers';
import { answerAdminGetUser, singleCallAction } from './adminCases';

const cognito = mockClient(CognitoIdentityProviderClient);

beforeEach(() => {
  useTestEnv();
  cognito.reset();
});

singleCallAction({
  field: 'adminResendInvitation',
  handler,
  cognito,
  command: AdminCreateUserCommand,
  parameters: { MessageAction: 'RESEND', DesiredDeliveryMediums: ['EMAIL'] },
  action: 'INVITATION_RESENT',
  does: 're-sends the invitation with MessageAction RESEND',
});

describe('adminResendInvitation for a confirmed user', () => {
  it('answers InvalidUserState', async () => {
    answerAdminGetUser(cognito);
    cognito.on(AdminCreateUserCommand).rejects(awsError('UnsupportedUserStateException', 'User is already confirmed'));
    const result = await handler(adminEvent('adminResendInvitation', { email: 'ada@example.com' }), lambdaContext);
    expect(result.error?.errorType).toBe('InvalidUserState');
  });
});
