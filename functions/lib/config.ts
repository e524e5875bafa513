import { GatewayError } from './errors';
import { parseRecoveryCodeCost, RECOVERY_CODE_COST, type RecoveryCodeCost } from './recoveryCodes';

/** Settings from the function's environment, set by CDK or by the local stack. */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new GatewayError('InternalError', 'The gateway is not configured.');
  return value;
}

function optional(name: string): string | undefined {
  return process.env[name] || undefined;
}

export const config = {
  userPoolId: () => required('USER_POOL_ID'),
  clientId: () => required('USER_POOL_CLIENT_ID'),
  /** Unset when the MFA QR archive is turned off. */
  mfaBucket: () => optional('MFA_BUCKET'),
  /** Issuer shown in authenticator apps. */
  mfaIssuer: () => optional('MFA_ISSUER') ?? 'Auth Gateway',
  /** Lifetime of presigned QR links, at most 600 seconds. */
  qrUrlTtlSeconds: () => Math.min(Number(optional('QR_URL_TTL_SECONDS') ?? 600), 600),
  /** Unset when no SES identity is configured: resendMfaQrCode is then disabled. */
  sesFrom: () => optional('SES_FROM_ADDRESS'),
  sesReplyTo: () => optional('SES_REPLY_TO_ADDRESS'),
  sesIdentityArn: () => optional('SES_IDENTITY_ARN'),
  /** replaceAuthenticator, regenerateRecoveryCodes and deleteMe need a sign-in this recent. */
  reauthenticateWithinMinutes: () => Number(optional('REAUTHENTICATE_WITHIN_MINUTES') ?? 10),
  /** resendMfaQrCode is refused this long after a password reset by e-mailed code. */
  qrResendHoldHours: () => Number(optional('QR_RESEND_HOLD_HOURS') ?? 72),
  /** The passkeys' relying party ID; unset when passkeys are off (the `passkeys` setting). */
  passkeysRelyingPartyId: () => optional('PASSKEYS_RELYING_PARTY_ID'),
  /** How long a sign-in session lives (the app client's AuthSessionValidity), in minutes. */
  authSessionMinutes: () => Number(optional('AUTH_SESSION_MINUTES') ?? 3),
  /** What hashing a new set of recovery codes costs: unset (RECOVERY_CODE_COST) when deployed; tests lower it. */
  recoveryCodeCost: (): RecoveryCodeCost => {
    const setting = optional('RECOVERY_CODE_COST');
    if (setting === undefined) return RECOVERY_CODE_COST;
    const cost = parseRecoveryCodeCost(setting);
    if (!cost) throw new GatewayError('InternalError', 'The gateway is not configured.');
    return cost;
  },
  /** The AppSync API whose API keys functions/apiKeyExpiry.ts checks. */
  apiId: () => required('APPSYNC_API_ID'),
  /** CloudWatch namespace of the functions' metrics. */
  metricsNamespace: () => optional('METRICS_NAMESPACE') ?? 'AuthGateway',
  /** `true` offline and in tests: no metric lines (functions/lib/metrics.ts). */
  metricsDisabled: () => optional('METRICS_DISABLED') === 'true',
  /** The `service` dimension of every metric and the service of every log line. */
  serviceName: () => optional('SERVICE_NAME') ?? 'auth-gateway',
  /** Endpoint overrides, used by the offline stack. */
  endpoint: (service: 'COGNITO' | 'S3' | 'SES') => optional(`${service}_ENDPOINT`),
};
