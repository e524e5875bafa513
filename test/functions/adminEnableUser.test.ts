import { AdminEnableUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach } from 'vitest';
import { handler } from '../../functions/adminEnableUser';
import { useTestEnv } from '../helpers';
import { singleCallAction } from './adminCases';

const cognito = mockClient(CognitoIdentityProviderClient);

beforeEach(() => {
  useTestEnv();
  cognito.reset();
});

singleCallAction({
  field: 'adminEnableUser',
  handler,
  cognito,
  command: AdminEnableUserCommand,
  action: 'USER_ENABLED',
  does: 'enables the user by their Cognito username',
});
