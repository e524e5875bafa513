import { InitiateAuthCommand, type InitiateAuthCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { cognito } from './cognito';
import { config } from './config';

/**
 * The first sign-in step: Cognito checks the e-mail and password and names the next step
 * (SOFTWARE_TOKEN_MFA, MFA_SETUP or NEW_PASSWORD_REQUIRED), never tokens in this MFA-required pool.
 */
export async function passwordSignIn(input: { email: string; password: string }): Promise<InitiateAuthCommandOutput> {
  return cognito().send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: config.clientId(),
      AuthParameters: { USERNAME: input.email, PASSWORD: input.password },
    }),
  );
}
