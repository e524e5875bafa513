import { AdminAddUserToGroupCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach } from 'vitest';
import { handler } from '../../functions/adminAddUserToGroup';
import { useTestEnv } from '../helpers';
import { membershipAction } from './adminCases';

const cognito = mockClient(CognitoIdentityProviderClient);

beforeEach(() => {
  useTestEnv();
  cognito.reset();
});

membershipAction({ field: 'adminAddUserToGroup', handler, cognito, command: AdminAddUserToGroupCommand, action: 'ADDED_TO_GROUP', does: 'adds the user to the group' });
