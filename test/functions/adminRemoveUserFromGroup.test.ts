import { AdminRemoveUserFromGroupCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach } from 'vitest';
import { handler } from '../../functions/adminRemoveUserFromGroup';
import { useTestEnv } from '../helpers';
import { membershipAction } from './adminCases';

const cognito = mockClient(CognitoIdentityProviderClient);

beforeEach(() => {
  useTestEnv();
  cognito.reset();
});

membershipAction({ field: 'adminRemoveUserFromGroup', handler, cognito, command: AdminRemoveUserFromGroupCommand, action: 'REMOVED_FROM_GROUP', does: 'removes the user from the group' });
