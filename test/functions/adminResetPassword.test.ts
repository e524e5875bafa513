import { AdminResetUserPasswordCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach } from 'vitest';
import { handler } from '../../functions/adminResetPassword';
import { useTestEnv } from '../helpers';
import { singleCallAction } from './adminCases';

const cognito = mockClient(CognitoIdentityProviderClient);

beforeEach(() => {
  useTestEnv();
  cognito.reset();
});

singleCallAction({
  field: 'adminResetPassword',
  handler,
  cognito,
  command: AdminResetUserPasswordCommand,
  action: 'PASSWORD_RESET',
  does: 'resets the password; Cognito e-mails the code',
});
