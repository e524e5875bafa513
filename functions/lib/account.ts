import { AdminGetUserCommand, AdminUpdateUserAttributesCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoAttributeName, type AccountAttribute } from '../../accountAttributes';
import { cognito } from './cognito';
import { config } from './config';
import { GatewayError } from './errors';

/**
 * The gateway's own view of a user, read with the function's role (AdminGetUser): includes the
 * custom attributes the app client, and so the user's own token, can never read.
 */
export interface Account {
  userId: string;
  email: string;
  enabled: boolean;
  attributes: Partial<Record<AccountAttribute, string>>;
}

export async function readAccount(email: string): Promise<Account> {
  const out = await cognito().send(new AdminGetUserCommand({ UserPoolId: config.userPoolId(), Username: email }));
  const value = (name: string) => out.UserAttributes?.find((a) => a.Name === name)?.Value;
  const userId = value('sub') ?? out.Username;
  if (!userId) throw new GatewayError('InternalError', 'Cognito returned no user id.');
  return {
    userId,
    email: value('email') ?? email,
    enabled: out.Enabled !== false,
    attributes: {
      recoveryCodes: value(cognitoAttributeName('recoveryCodes')),
      passwordResetAt: value(cognitoAttributeName('passwordResetAt')),
    },
  };
}

/** Writes gateway-only attributes; `username` is the e-mail or the user id. */
export async function writeAccountAttributes(
  username: string,
  values: Partial<Record<AccountAttribute, string>>,
  userPoolId = config.userPoolId(),
): Promise<void> {
  await cognito().send(
    new AdminUpdateUserAttributesCommand({
      UserPoolId: userPoolId,
      Username: username,
      UserAttributes: Object.entries(values).map(([attribute, value]) => ({
        Name: cognitoAttributeName(attribute as AccountAttribute),
        Value: value,
      })),
    }),
  );
}
