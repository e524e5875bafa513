// listPasskeys: calls Cognito's ListWebAuthnCredentials itself, no function (see operations.ts).
import type { Context, HTTPRequest } from '@aws-appsync/utils';
import { cognitoRequest, cognitoResult, requireAccessToken } from './lib/cognito';
import { refuseInput, trimmed } from './lib/input';
import { passkeyOf, requirePasskeys } from './lib/passkeys';

/**
 * One page of the signed-in user's passkeys, oldest first.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListWebAuthnCredentials.html
 */
export function request(ctx: Context): HTTPRequest<string> {
  requirePasskeys(ctx);
  const accessToken = requireAccessToken(ctx);
  const nextToken = trimmed(ctx.arguments.nextToken);
  // The functions' page-token rule (functions/lib/validate.ts): handed back unchanged, bounded.
  if (nextToken.length > 4096) refuseInput('The page token is malformed.');
  return cognitoRequest('ListWebAuthnCredentials', { AccessToken: accessToken, MaxResults: 20, ...(nextToken ? { NextToken: nextToken } : {}) });
}

export function response(ctx: Context): unknown {
  const answer = cognitoResult(ctx);
  const credentials: Array<Record<string, any>> = answer.Credentials ?? [];
  return { passkeys: credentials.map((credential) => passkeyOf(credential)), nextToken: answer.NextToken ?? null };
}
