import { LOCAL_ACCOUNT_ID } from './directory';

/** The ARNs of the offline stack's resources, as AWS forms them; one place for every service and policy to agree on. */

/** A user pool: the resource of every pool-level Cognito action. */
export const userPoolArn = (region: string, userPoolId: string, accountId = LOCAL_ACCOUNT_ID) =>
  `arn:aws:cognito-idp:${region}:${accountId}:userpool/${userPoolId}`;

/** The SES identity that verified `address`: its domain. */
export const sesIdentityArn = (region: string, address: string, accountId = LOCAL_ACCOUNT_ID) =>
  `arn:aws:ses:${region}:${accountId}:identity/${address.slice(address.lastIndexOf('@') + 1)}`;
