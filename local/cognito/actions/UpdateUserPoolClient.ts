import type { UpdateUserPoolClientRequest, UpdateUserPoolClientResponse } from '@aws-sdk/client-cognito-identity-provider';
import { validateClientAttributes } from '../clientAttributes';
import { requirePoolClient, toClientType, validateClientSettings } from '../clients';
import type { CognitoContext } from '../context';
import { requirePool } from '../pools';

/** As in AWS, settings the request leaves out return to their defaults; the name stays if not given. */
export async function UpdateUserPoolClient(
  ctx: CognitoContext,
  input: UpdateUserPoolClientRequest,
): Promise<UpdateUserPoolClientResponse> {
  const pool = requirePool(ctx, input.UserPoolId);
  const client = requirePoolClient(pool, input.ClientId);
  const { UserPoolId: _pool, ClientId: _client, ...changes } = input;
  const settings = { ...changes, ClientName: changes.ClientName ?? client.settings.ClientName };
  validateClientSettings(settings);
  validateClientAttributes(pool, settings, 'updating');
  client.settings = settings;
  client.updatedAt = ctx.clock.now().getTime();
  return { UserPoolClient: toClientType(pool, client) };
}
