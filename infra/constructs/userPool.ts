import { Duration } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPool,
  ClientAttributes,
  Mfa,
  UserPool,
  UserPoolClient,
  UserPoolClientIdentityProvider,
  UserPoolEmail,
  type UserPoolTriggers,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { EnvironmentError, type Environment } from '../config';
import { acknowledgeFeaturePlan, featurePlanProps } from './featurePlan';
import { removalPolicyOf } from './retention';

/** Attributes the SPA may read with the user's tokens (`me`) and change itself (`updateProfile`). */
const READABLE = { email: true, emailVerified: true, fullname: true, givenName: true, familyName: true, phoneNumber: true, phoneNumberVerified: true };
const WRITABLE = { fullname: true, givenName: true, familyName: true, phoneNumber: true };

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
      email: config.email ? sesEmail(config.email) : UserPoolEmail.withCognito(),
      lambdaTriggers: props.triggers,
      deletionProtection: config.deletionProtection,
      removalPolicy: removalPolicyOf(config),
    });
    if (config.email) {
      // The configured identity, as is: it may live in another account than the stack.
      (this.userPool.node.defaultChild as CfnUserPool).addPropertyOverride('EmailConfiguration.SourceArn', config.email.sesIdentityArn);
    }
    acknowledgeFeaturePlan(this.userPool, config);

    const tokens = config.tokens;
    this.client = this.userPool.addClient('WebClient', {
      userPoolClientName: 'gateway',
      generateSecret: false,
      authFlows: { userPassword: true },
      disableOAuth: true,
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.minutes(tokens.idTokenMinutes),
      accessTokenValidity: Duration.minutes(tokens.accessTokenMinutes),
      refreshTokenValidity: Duration.minutes(tokens.refreshTokenMinutes),
      authSessionValidity: Duration.minutes(tokens.authSessionMinutes),
      readAttributes: new ClientAttributes().withStandardAttributes(READABLE),
      // Users never change their own e-mail: it is their user name and their recovery address.
      writeAttributes: new ClientAttributes().withStandardAttributes(WRITABLE),
    });
  }
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
