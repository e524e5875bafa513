import type { ListWebAuthnCredentialsRequest, ListWebAuthnCredentialsResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context';
import { errors } from '../errors';
import { required } from '../validate';

/** The SDK model gives MaxResults no documented range or default: the emulator pages by at most 20 (its choice). */
const MAX_RESULTS = 20;

/**
 * The signed-in user's passkeys, oldest first, a page at a time (NextToken is the next index).
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListWebAuthnCredentials.html
 */
export async function ListWebAuthnCredentials(
  ctx: CognitoContext,
  input: ListWebAuthnCredentialsRequest,
): Promise<ListWebAuthnCredentialsResponse> {
  const { user } = await ctx.tokens.verifyAccessToken(required(input.AccessToken, 'accessToken'));
  const max = input.MaxResults ?? MAX_RESULTS;
  if (!Number.isInteger(max) || max < 1 || max > MAX_RESULTS) throw errors.invalidParameter('MaxResults must be between 1 and 20.');
  const start = input.NextToken === undefined ? 0 : Number(input.NextToken);
  const all = user.webAuthn?.credentials ?? [];
  if (!Number.isInteger(start) || start < 0 || start > all.length) throw errors.invalidParameter('Invalid NextToken.');
  const page = all.slice(start, start + max);
  return {
    Credentials: page.map((c) => ({
      CredentialId: c.id,
      // "An automatically-generated friendly name": the emulator names passkeys by their date.
      FriendlyCredentialName: `Passkey ${new Date(c.createdAt).toISOString().slice(0, 10)}`,
      RelyingPartyId: c.rpId,
      ...(c.attachment ? { AuthenticatorAttachment: c.attachment } : {}),
      AuthenticatorTransports: c.transports ?? [],
      CreatedAt: new Date(c.createdAt),
    })),
    ...(start + max < all.length ? { NextToken: String(start + max) } : {}),
  };
}
