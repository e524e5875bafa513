import type { CreateUserPoolRequest, CreateUserPoolResponse } from '@aws-sdk/client-cognito-identity-provider';
import { randomBytes } from 'node:crypto';
import type { CognitoContext } from '../context';
import { newPoolId } from '../ids';
import { toUserPoolType, validatePoolSettings } from '../pools';
import type { PoolRecord } from '../state';
import { required } from '../validate';

export async function CreateUserPool(ctx: CognitoContext, input: CreateUserPoolRequest): Promise<CreateUserPoolResponse> {
  const { PoolName, ...settings } = input;
  const name = required(PoolName, 'poolName');
  validatePoolSettings(settings);
  const now = ctx.clock.now().getTime();
  const pool: PoolRecord = {
    id: newPoolId(ctx.region),
    name,
    region: ctx.region,
    createdAt: now,
    updatedAt: now,
    settings,
    key: await ctx.keys.create(),
    hashKey: randomBytes(32).toString('base64'),
    clients: {},
    users: {},
    groups: {},
  };
  ctx.store.state.pools[pool.id] = pool;
  return { UserPool: toUserPoolType(pool) };
}
