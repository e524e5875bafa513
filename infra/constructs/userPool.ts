import { Duration } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPool,
  ClientAttributes,
  Mfa,
  PasskeyUserVerification,
  StringAttribute,
  UserPool,
  UserPoolClient,
  UserPoolClientIdentityProvider,
  UserPoolEmail,
  type StandardAttributesMask,
  type UserPoolProps,
  type UserPoolTriggers,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { accountAttributes } from '../../accountAttributes';
import { clientReadAttributes, clientWriteAttributes } from '../../appClientAttributes';
import { EnvironmentError, type Environment } from '../config';
import { acknowledgeFeaturePlan, featurePlanProps } from './featurePlan';
import { removalPolicyOf } from './retention';

/** CDK's names for the standard attributes the app client's lists name. */
const CDK_ATTRIBUTE: Record<(typeof clientReadAttributes)[number], keyof StandardAttributesMask> = {
  email: 'email',
  email_verified: 'emailVerified',
  name: 'fullname',
  given_name: 'givenName',
  family_name: 'familyName',
  phone_number: 'phoneNumber',
  phone_number_verified: 'phoneNumberVerified',
};

const clientAttributes = (names: readonly (keyof typeof CDK_ATTRIBUTE)[]) =>
  new ClientAttributes().withStandardAttributes(Object.fromEntries(names.map((name) => [CDK_ATTRIBUTE[name], true])));

/** The account attributes, as CDK declares custom attributes: strings the functions may change. */
const customAttributes = Object.fromEntries(
  Object.values(accountAttributes).map(({ name, maxLength }) => [name, new StringAttribute({ maxLen: maxLength, mutable: true })]),
);

export interface UsersProps {
  readonly config: Environment;
  readonly triggers: UserPoolTriggers;
}

/**
 * The user pool: e-mail is the user name, only administrators create users (createUser), and TOTP
 * MFA is mandatory for everyone; plus the one public client the gateway signs users in with.
 */
export class Users extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string, props: UsersProps) {
    super(scope, id);
    const { config } = props;
    const policy = config.passwordPolicy;
    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: config.stackName,
      ...featurePlanProps(config),
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false, email: false },
      passwordPolicy: {
        minLength: policy.minLength,
        requireUppercase: policy.requireUppercase,
        requireLowercase: policy.requireLowercase,
        requireDigits: policy.requireDigits,
        requireSymbols: policy.requireSymbols,
        tempPasswordValidity: Duration.days(policy.temporaryPasswordValidityDays),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
        givenName: { required: false, mutable: true },
        familyName: { required: false, mutable: true },
        phoneNumber: { required: false, mutable: true },
      },
      customAttributes,
      email: config.email ? sesEmail(config.email) : UserPoolEmail.withCognito(),
      lambdaTriggers: props.triggers,
      deletionProtection: config.deletionProtection,
      removalPolicy: removalPolicyOf(config),
      ...passkeyProps(config),
    });
    if (config.passkeys) {
      // A passkey sign-in with user verification satisfies the pool's mandatory MFA; the user keeps TOTP.
      // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_WebAuthnConfigurationType.html
      (this.userPool.node.defaultChild as CfnUserPool).webAuthnFactorConfiguration = 'MULTI_FACTOR_WITH_USER_VERIFICATION';
    }
    if (config.email) {
      // The configured identity, as is: it may live in another account than the stack.
      (this.userPool.node.defaultChild as CfnUserPool).addPropertyOverride('EmailConfiguration.SourceArn', config.email.sesIdentityArn);
    }
    acknowledgeFeaturePlan(this.userPool, config);

    const tokens = config.tokens;
    const rotation = tokens.refreshTokenRotation;
    this.client = this.userPool.addClient('WebClient', {
      userPoolClientName: 'gateway',
      generateSecret: false,
      // USER_AUTH, the choice-based flow, is how a passkey signs in.
      authFlows: { userPassword: true, user: Boolean(config.passkeys) },
      disableOAuth: true,
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.minutes(tokens.idTokenMinutes),
      accessTokenValidity: Duration.minutes(tokens.accessTokenMinutes),
      refreshTokenValidity: Duration.minutes(tokens.refreshTokenMinutes),
      authSessionValidity: Duration.minutes(tokens.authSessionMinutes),
      // Rotation: RefreshTokenRotation {ENABLED, RetryGracePeriodSeconds}, and CDK then leaves
      // ALLOW_REFRESH_TOKEN_AUTH out of the flows, as Cognito requires: a rotating client refreshes
      // only with GetTokensFromRefreshToken.
      // https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html
      ...(rotation ? { refreshTokenRotationGracePeriod: Duration.seconds(rotation.gracePeriodSeconds) } : {}),
      readAttributes: clientAttributes(clientReadAttributes),
      writeAttributes: clientAttributes(clientWriteAttributes),
    });
  }
}

/** The pool's WebAuthn relying party, user verification and first factors when passkeys are on. */
function passkeyProps(config: Environment): Pick<UserPoolProps, 'passkeyRelyingPartyId' | 'passkeyUserVerification' | 'signInPolicy'> {
  if (!config.passkeys) return {};
  return {
    passkeyRelyingPartyId: config.passkeys.relyingPartyId,
    passkeyUserVerification: PasskeyUserVerification.REQUIRED,
    signInPolicy: { allowedFirstAuthFactors: { password: true, passkey: true } },
  };
}

/** Cognito sends invitations and reset codes through the configured SES identity. */
function sesEmail(email: NonNullable<Environment['email']>): UserPoolEmail {
  const [, , , sesRegion, , resource = ''] = email.sesIdentityArn.split(':');
  const identity = resource.slice('identity/'.length).toLowerCase();
  const from = email.fromAddress.toLowerCase();
  const fromDomain = from.split('@').pop() ?? '';
  const covered = identity.includes('@') ? from === identity : fromDomain === identity || fromDomain.endsWith(`.${identity}`);
  if (!covered) {
    throw new EnvironmentError(
      `email.fromAddress (${email.fromAddress}) is not covered by the SES identity "${identity}" in email.sesIdentityArn: SES only sends from a verified address or domain.`,
    );
  }
  return UserPoolEmail.withSES({
    fromEmail: email.fromAddress,
    replyTo: email.replyToAddress ?? undefined,
    sesRegion,
  });
}
