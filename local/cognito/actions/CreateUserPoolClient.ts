import type { CreateUserPoolClientRequest, CreateUserPoolClientResponse } from '@aws-sdk/client-cognito-identity-provider';
import { validateClientAttributes } from '../clientAttributes';
import { toClientType, validateClientSettings } from '../clients';
import type { CognitoContext } from '../context';
import { newClientId, newClientSecret } from '../ids';
import { requirePool } from '../pools';
import type { ClientRecord } from '../state';
import { required } from '../validate';

export async function CreateUserPoolClient(
  ctx: CognitoContext,
  input: CreateUserPoolClientRequest,
): Promise<CreateUserPoolClientResponse> {
  const pool = requirePool(ctx, input.UserPoolId);
  const { UserPoolId: _pool, GenerateSecret, ClientSecret, ...settings } = input;
  required(settings.ClientName, 'clientName');
  validateClientSettings(settings);
  validateClientAttributes(pool, settings, 'creating');
  const now = ctx.clock.now().getTime();
  const client: ClientRecord = {
    id: newClientId(),
    ...(ClientSecret || GenerateSecret ? { secret: ClientSecret ?? newClientSecret() } : {}),
    createdAt: now,
    updatedAt: now,
    settings,
  };
  pool.clients[client.id] = client;
  return { UserPoolClient: toClientType(pool, client) };
}
