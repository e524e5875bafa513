// me: calls Cognito's GetUser itself, no function (see operations.ts).
import { util, type Context, type HTTPRequest } from '@aws-appsync/utils';
import { cognitoRequest, cognitoResult, requireAccessToken } from './lib/cognito';

/**
 * The signed-in user's profile; asking Cognito (not just decoding the token) refuses revoked tokens.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUser.html
 */
export function request(ctx: Context): HTTPRequest<string> {
  return cognitoRequest('GetUser', { AccessToken: requireAccessToken(ctx) });
}

/**
 * The token's claims. Read only after GetUser has accepted the token: not a verification. JWTs
 * are base64url; util.base64Decode takes the standard alphabet.
 */
function claimsOf(jwt: string): Record<string, unknown> {
  const part = (jwt.split('.')[1] ?? '').split('-').join('+').split('_').join('/');
  const padding = ['', '===', '==', '='][part.length % 4] ?? '';
  return JSON.parse(util.base64Decode(part + padding));
}

export function response(ctx: Context): unknown {
  const answer = cognitoResult(ctx);
  const attributes: Record<string, string> = {};
  (answer.UserAttributes ?? []).forEach((attribute: { Name: string; Value: string }) => {
    attributes[attribute.Name] = attribute.Value;
  });
  const groups = claimsOf(requireAccessToken(ctx))['cognito:groups'];
  const mfa: string[] = answer.UserMFASettingList ?? [];
  return {
    userId: attributes.sub ?? '',
    email: attributes.email ?? '',
    emailVerified: attributes.email_verified === 'true',
    fullName: attributes.name ?? null,
    givenName: attributes.given_name ?? null,
    familyName: attributes.family_name ?? null,
    phoneNumber: attributes.phone_number ?? null,
    groups: Array.isArray(groups) ? groups.map((group) => `${group}`) : [],
    mfaEnabled: mfa.indexOf('SOFTWARE_TOKEN_MFA') >= 0,
  };
}
