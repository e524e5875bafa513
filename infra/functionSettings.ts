import type { BuildOptions } from 'esbuild';
import { operations } from '../operations';
import type { Environment } from './config';

/**
 * What every gateway function is built and configured with, as plain data: CDK deploys it
 * (infra/constructs/functions.ts) and the offline stack runs each function with it (local/lambda/),
 * so a function offline is the bundle and the environment Lambda gets.
 */

/**
 * esbuild settings, in esbuild's own names. Everything is bundled (the SDK v3 included, no
 * externals), so each function ships only the clients it calls, tree-shaken from their ES module
 * builds.
 */
export const FUNCTION_ESBUILD = {
  format: 'esm',
  target: 'node22',
  mainFields: ['module', 'main'],
  external: [] as string[],
  minify: true,
  // The map ships beside the bundle for functions/lib/frames.ts, which reads it only to log an
  // unexpected failure's frames. No `--enable-source-maps`: Node would decode the whole map on
  // every cold start, 16–18 % of loading a function.
  sourcemap: true,
  sourcesContent: false,
  // CommonJS code in the bundle may call `require` (the SDK's optional CRT signer does); an ES module has no `require`.
  banner: "import{createRequire as __gatewayCreateRequire}from'node:module';const require=__gatewayCreateRequire(import.meta.url);",
  define: operationDefines(),
} as const;

/**
 * What a function needs of operations.ts, computed from it at build time: the fields that take no
 * access token, comma-separated, for defineOperation (functions/lib/operation.ts). As a string
 * constant esbuild folds the source fallback away, so no bundle carries the table itself.
 */
function operationDefines(): { OPERATIONS_WITHOUT_TOKEN: string } {
  const fields = operations.filter((op) => !op.token).map((op) => op.field);
  return { OPERATIONS_WITHOUT_TOKEN: JSON.stringify(fields.join(',')) };
}

/** FUNCTION_ESBUILD for esbuild's own `build` call (the offline runtime, the size bench); each caller picks its source maps. */
export function functionBuildOptions(): BuildOptions {
  return {
    bundle: true,
    platform: 'node',
    format: FUNCTION_ESBUILD.format,
    target: FUNCTION_ESBUILD.target,
    mainFields: [...FUNCTION_ESBUILD.mainFields],
    external: [...FUNCTION_ESBUILD.external],
    minify: FUNCTION_ESBUILD.minify,
    banner: { js: FUNCTION_ESBUILD.banner },
    define: { ...FUNCTION_ESBUILD.define },
  };
}

/**
 * Settings every function reads (functions/lib/config.ts). The user pool ids are added for the
 * operations only: a Cognito trigger cannot name the pool that names it.
 */
export function sharedEnvironment(config: Environment, mfaBucketName?: string): Record<string, string> {
  return {
    ...(mfaBucketName ? { MFA_BUCKET: mfaBucketName } : {}),
    MFA_ISSUER: config.mfa.issuer,
    QR_RESEND_HOLD_HOURS: String(config.mfa.qrResendHoldHours),
    REAUTHENTICATE_WITHIN_MINUTES: String(config.security.reauthenticateWithinMinutes),
    ...(config.email
      ? {
          SES_FROM_ADDRESS: config.email.fromAddress,
          SES_IDENTITY_ARN: config.email.sesIdentityArn,
          ...(config.email.replyToAddress ? { SES_REPLY_TO_ADDRESS: config.email.replyToAddress } : {}),
        }
      : {}),
    AUTH_SESSION_MINUTES: String(config.tokens.authSessionMinutes),
    ...(config.passkeys ? { PASSKEYS_RELYING_PARTY_ID: config.passkeys.relyingPartyId } : {}),
    SERVICE_NAME: config.api.name,
    // The metrics' namespace (functions/lib/metrics.ts); the alarms in constructs/monitoring.ts read it too.
    METRICS_NAMESPACE: metricsNamespaceOf(config),
    LOG_LEVEL: 'INFO',
  };
}

/** The CloudWatch namespace of the functions' metrics: one per environment, named after its API. */
export function metricsNamespaceOf(config: Environment): string {
  return config.api.name;
}

/** What an operation's function gets on top of the shared settings: the pool it acts on. */
export function operationEnvironment(shared: Record<string, string>, pool: { userPoolId: string; clientId: string }): Record<string, string> {
  return { USER_POOL_ID: pool.userPoolId, USER_POOL_CLIENT_ID: pool.clientId, ...shared };
}

/**
 * The AppSync API's environment variables, read by the resolvers that call Cognito themselves
 * (resolvers/lib/cognito.ts): the app client, which is not a secret, and whether passkeys are on.
 * Environment variables are not logged with the request.
 */
export function apiEnvironment(config: Environment, clientId: string): Record<string, string> {
  return { USER_POOL_CLIENT_ID: clientId, ...(config.passkeys ? { PASSKEYS: 'on' } : {}) };
}
