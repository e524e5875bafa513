import type { CognitoContext } from '../context';
import { AddCustomAttributes } from './AddCustomAttributes';
import { AdminAddUserToGroup } from './AdminAddUserToGroup';
import { AdminCreateUser } from './AdminCreateUser';
import { AdminDeleteSoftwareToken } from './AdminDeleteSoftwareToken';
import { AdminDeleteUser } from './AdminDeleteUser';
import { AdminDeleteUserAttributes } from './AdminDeleteUserAttributes';
import { AdminDisableUser } from './AdminDisableUser';
import { AdminEnableUser } from './AdminEnableUser';
import { AdminGetUser } from './AdminGetUser';
import { AdminListGroupsForUser } from './AdminListGroupsForUser';
import { AdminRemoveUserFromGroup } from './AdminRemoveUserFromGroup';
import { AdminResetUserPassword } from './AdminResetUserPassword';
import { AdminSetUserMFAPreference } from './AdminSetUserMFAPreference';
import { AdminUpdateUserAttributes } from './AdminUpdateUserAttributes';
import { AdminUserGlobalSignOut } from './AdminUserGlobalSignOut';
import { AssociateSoftwareToken } from './AssociateSoftwareToken';
import { ChangePassword } from './ChangePassword';
import { CompleteWebAuthnRegistration } from './CompleteWebAuthnRegistration';
import { ConfirmForgotPassword } from './ConfirmForgotPassword';
import { CreateGroup } from './CreateGroup';
import { CreateUserPool } from './CreateUserPool';
import { CreateUserPoolClient } from './CreateUserPoolClient';
import { DeleteUser } from './DeleteUser';
import { DeleteWebAuthnCredential } from './DeleteWebAuthnCredential';
import { DescribeUserPool } from './DescribeUserPool';
import { DescribeUserPoolClient } from './DescribeUserPoolClient';
import { ForgotPassword } from './ForgotPassword';
import { GetTokensFromRefreshToken } from './GetTokensFromRefreshToken';
import { GetUser } from './GetUser';
import { GetUserAttributeVerificationCode } from './GetUserAttributeVerificationCode';
import { GetUserPoolMfaConfig } from './GetUserPoolMfaConfig';
import { GlobalSignOut } from './GlobalSignOut';
import { InitiateAuth } from './InitiateAuth';
import { ListDevices } from './ListDevices';
import { ListGroups } from './ListGroups';
import { ListUserPoolClients } from './ListUserPoolClients';
import { ListUserPools } from './ListUserPools';
import { ListUsers } from './ListUsers';
import { ListWebAuthnCredentials } from './ListWebAuthnCredentials';
import { RespondToAuthChallenge } from './RespondToAuthChallenge';
import { RevokeToken } from './RevokeToken';
import { SetUserMFAPreference } from './SetUserMFAPreference';
import { SetUserPoolMfaConfig } from './SetUserPoolMfaConfig';
import { SignUp } from './SignUp';
import { StartWebAuthnRegistration } from './StartWebAuthnRegistration';
import { UpdateUserAttributes } from './UpdateUserAttributes';
import { UpdateUserPool } from './UpdateUserPool';
import { UpdateUserPoolClient } from './UpdateUserPoolClient';
import { VerifySoftwareToken } from './VerifySoftwareToken';
import { VerifyUserAttribute } from './VerifyUserAttribute';

/** An action takes the request as the SDK sends it and answers as Cognito does. */
export type Action = (ctx: CognitoContext, input: never) => Promise<object>;

/** Every action the emulator answers, by the name in X-Amz-Target. */
export const actions: Readonly<Record<string, Action>> = {
  AddCustomAttributes,
  AdminAddUserToGroup,
  AdminCreateUser,
  AdminDeleteSoftwareToken,
  AdminDeleteUser,
  AdminDeleteUserAttributes,
  AdminDisableUser,
  AdminEnableUser,
  AdminGetUser,
  AdminListGroupsForUser,
  AdminRemoveUserFromGroup,
  AdminResetUserPassword,
  AdminSetUserMFAPreference,
  AdminUpdateUserAttributes,
  AdminUserGlobalSignOut,
  AssociateSoftwareToken,
  ChangePassword,
  CompleteWebAuthnRegistration,
  ConfirmForgotPassword,
  CreateGroup,
  CreateUserPool,
  CreateUserPoolClient,
  DeleteUser,
  DeleteWebAuthnCredential,
  DescribeUserPool,
  DescribeUserPoolClient,
  ForgotPassword,
  GetTokensFromRefreshToken,
  GetUser,
  GetUserAttributeVerificationCode,
  GetUserPoolMfaConfig,
  GlobalSignOut,
  InitiateAuth,
  ListDevices,
  ListGroups,
  ListUserPoolClients,
  ListUserPools,
  ListUsers,
  ListWebAuthnCredentials,
  RespondToAuthChallenge,
  RevokeToken,
  SetUserMFAPreference,
  SetUserPoolMfaConfig,
  SignUp,
  StartWebAuthnRegistration,
  UpdateUserAttributes,
  UpdateUserPool,
  UpdateUserPoolClient,
  VerifySoftwareToken,
  VerifyUserAttribute,
};
