import type { ListDevicesRequest, ListDevicesResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context';
import { required } from '../validate';

/**
 * The user's remembered devices: always none, as the emulator's pools track no devices
 * (the gateway's pool does not remember devices either).
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListDevices.html
 */
export async function ListDevices(ctx: CognitoContext, input: ListDevicesRequest): Promise<ListDevicesResponse> {
  await ctx.tokens.verifyAccessToken(required(input.AccessToken, 'accessToken'));
  return { Devices: [] };
}
