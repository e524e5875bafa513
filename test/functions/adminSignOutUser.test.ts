import { AdminUserGlobalSignOutCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach } from 'vitest';
import { handler } from '../../functions/adminSignOutUser';
import { useTestEnv } from '../helpers';
import { singleCallAction } from './adminCases';

const cognito = mockClient(CognitoIdentityProviderClient);

beforeEach(() => {
  useTestEnv();
  cognito.reset();
});

singleCallAction({
  field: 'adminSignOutUser',
  handler,
  cognito,
  command: AdminUserGlobalSignOutCommand,
  action: 'SIGNED_OUT',
  does: 'signs the user out everywhere',
});
