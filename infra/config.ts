import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * One environment's settings, from `infra/environments/<name>.json`. CDK deploys from it and the
 * offline stack provisions its local user pool from it, so both enforce the same policy.
 */
const minutes = (min: number, max: number, what: string) =>
  z.number().int().min(min, `${what} is at least ${min}`).max(max, `${what} is at most ${max}`);

/** A WAF rate-based rule's limit per 5-minute window: WAF takes 10 to 2 000 000 000. */
const rate = z.number().int().min(10).max(2_000_000_000);

/** AWS managed rule groups the web ACLs may use; all three by default. */
export const MANAGED_RULE_GROUPS = ['AWSManagedRulesAmazonIpReputationList', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesCommonRuleSet'] as const;

/**
 * Cognito's feature plans, cheapest first. Lite has everything the gateway uses today (TOTP MFA,
 * Lambda triggers, token revocation); Essentials adds passkeys, refresh-token rotation, password
 * history and access-token customisation; Plus adds threat protection.
 * https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-sign-in-feature-plans.html
 */
export const FEATURE_PLANS = ['lite', 'essentials', 'plus'] as const;
export type FeaturePlanName = (typeof FEATURE_PLANS)[number];
const planRank = (plan: FeaturePlanName) => FEATURE_PLANS.indexOf(plan);

/** What the plan rules read: the settings that turn on a feature some plans lack. */
export interface PlanSettings {
  cognito: { threatProtection: string };
  tokens?: { refreshTokenRotation?: { gracePeriodSeconds: number } | null };
  passkeys?: { relyingPartyId: string } | null;
}

interface PlanFeature<Env> {
  readonly feature: string;
  /** The setting that turns it on, as the error message names it. */
  readonly setting: string;
  readonly plan: FeaturePlanName;
  readonly on: (env: Env) => boolean;
}

/** Every setting that needs more than Lite; the default plan and the validation follow from it. */
const PLAN_FEATURES: ReadonlyArray<PlanFeature<PlanSettings>> = [
  { feature: 'passkeys', setting: 'passkeys', plan: 'essentials', on: (env) => Boolean(env.passkeys) },
  {
    feature: 'refresh-token rotation',
    setting: 'tokens.refreshTokenRotation',
    plan: 'essentials',
    on: (env) => Boolean(env.tokens?.refreshTokenRotation),
  },
  { feature: 'threat protection', setting: 'cognito.threatProtection', plan: 'plus', on: (env) => env.cognito.threatProtection !== 'off' },
];

function featuresOn(env: PlanSettings) {
  return PLAN_FEATURES.filter((feature) => feature.on(env));
}

/** The cheapest feature plan with every feature the settings turn on. */
export function cheapestPlanFor(env: PlanSettings): FeaturePlanName {
  return featuresOn(env).reduce<FeaturePlanName>((plan, feature) => (planRank(feature.plan) > planRank(plan) ? feature.plan : plan), 'lite');
}

export const environmentSchema = z
  .object({
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'use an AWS region such as eu-west-1'),
    account: z.string().regex(/^\d{12}$/, 'a 12-digit AWS account id').optional(),
    stackName: z.string().regex(/^[A-Za-z][A-Za-z0-9-]{0,127}$/, 'letters, digits and hyphens'),
    api: z
      .object({
        name: z.string().min(1).max(65),
        description: z.string().max(256).default(''),
        apiKeyExpiryDays: z.number().int().min(1).max(365).default(365),
        /** AppSync field logs; ALL would write every argument, passwords included, to CloudWatch. */
        fieldLogLevel: z
          .enum(['NONE', 'ERROR', 'INFO', 'DEBUG'], { error: 'NONE, ERROR, INFO or DEBUG (ALL would log every argument, passwords included)' })
          .default('ERROR'),
        introspection: z.boolean().default(true),
        queryDepthLimit: z.number().int().min(1).max(75).default(10),
        /** Root fields one request may resolve; every operation is one root field, so 1 stops alias batching. */
        resolverCountLimit: z.number().int().min(1).max(10_000).default(1),
      })
      .strict(),
    customDomain: z
      .object({
        domainName: z.string().regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/, 'a DNS name such as auth.example.com'),
        certificateArn: z
          .string()
          .regex(/^arn:aws:acm:us-east-1:\d{12}:certificate\/[\w-]+$/, 'an ACM certificate ARN in us-east-1 (AppSync requires us-east-1)'),
        hostedZoneId: z.string().regex(/^Z[A-Z0-9]+$/, 'a Route 53 hosted zone id'),
        hostedZoneName: z.string().min(1),
      })
      .strict()
      .nullable()
      .default(null),
    email: z
      .object({
        fromAddress: z.email(),
        replyToAddress: z.email().nullable().default(null),
        sesIdentityArn: z.string().regex(/^arn:aws:ses:[a-z0-9-]+:\d{12}:identity\/.+$/, 'an SES identity ARN'),
      })
      .strict()
      .nullable()
      .default(null),
    mfa: z
      .object({
        /** Name shown in authenticator apps. */
        issuer: z.string().min(1).max(64).regex(/^[^:]+$/, 'no colon (it separates issuer and account in the QR code)'),
        /** Keep each user's QR code (encrypted) so it can be e-mailed again with resendMfaQrCode. */
        qrArchive: z.boolean().default(true),
        /** Bucket name; CDK generates one when null. */
        bucketName: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'a valid S3 bucket name').nullable().default(null),
        /** How long the CloudTrail record of every read and write of the archive is kept. */
        auditLogRetentionDays: z.number().int().min(90).max(3650).default(365),
        /** resendMfaQrCode is refused for this long after a password reset by e-mail code. */
        qrResendHoldHours: z.number().int().min(0).max(720).default(72),
      })
      .strict(),
    security: z
      .object({
        /** replaceAuthenticator, regenerateRecoveryCodes and deleteMe need a sign-in this recent (auth_time). */
        reauthenticateWithinMinutes: z.number().int().min(1).max(1440).default(10),
      })
      .strict()
      .default({ reauthenticateWithinMinutes: 10 }),
    tokens: z
      .object({
        idTokenMinutes: minutes(5, 1440, 'idTokenMinutes').default(60),
        accessTokenMinutes: minutes(5, 1440, 'accessTokenMinutes').default(60),
        refreshTokenMinutes: minutes(60, 5_256_000, 'refreshTokenMinutes').default(1440),
        /** How long a sign-in session lives between steps; 15 is Cognito's maximum, time to scan a QR code. */
        authSessionMinutes: minutes(3, 15, 'authSessionMinutes').default(15),
        /**
         * A new refresh token with every refresh, the old one dying after the grace period (0–60 s,
         * Cognito's range, for a client's retry); null: off. Needs the Essentials plan. README
         * "Configuration" says why it is off by default.
         * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RefreshTokenRotationType.html
         */
        refreshTokenRotation: z
          .object({
            gracePeriodSeconds: z
              .number()
              .int()
              .min(0, 'gracePeriodSeconds is at least 0')
              .max(60, 'gracePeriodSeconds is at most 60 (Cognito\'s limit)')
              .default(10),
          })
          .strict()
          .nullable()
          .default(null),
      })
      .strict()
      .default({ idTokenMinutes: 60, accessTokenMinutes: 60, refreshTokenMinutes: 1440, authSessionMinutes: 15, refreshTokenRotation: null }),
    passwordPolicy: z
      .object({
        minLength: z.number().int().min(8).max(99).default(14),
        requireUppercase: z.boolean().default(true),
        requireLowercase: z.boolean().default(true),
        requireDigits: z.boolean().default(true),
        requireSymbols: z.boolean().default(true),
        temporaryPasswordValidityDays: z.number().int().min(1).max(365).default(7),
      })
      .strict()
      .default({
        minLength: 14,
        requireUppercase: true,
        requireLowercase: true,
        requireDigits: true,
        requireSymbols: true,
        temporaryPasswordValidityDays: 7,
      }),
    /** AWS WAF in front of the API and the user pool; null turns it off. README "AWS WAF" explains each key. */
    waf: z
      .object({
        /** Requests from one IP in any 5 minutes, every operation counted, before it is blocked. */
        rateLimitPer5Minutes: rate,
        /** The same for the credential operations (`credential: true` in operations.ts): stricter. */
        credentialRateLimitPer5Minutes: rate.default(100),
        /** AWS managed rule groups on both web ACLs. */
        managedRuleGroups: z.array(z.enum(MANAGED_RULE_GROUPS)).default([...MANAGED_RULE_GROUPS]),
        /** A second web ACL on the user pool: Cognito's public API is reachable without the gateway. */
        protectUserPool: z.boolean().default(true),
        /** Per-IP limit on the user pool's public API; null: none (the gateway's own calls come from Lambda's few addresses). */
        userPoolRateLimitPer5Minutes: rate.nullable().default(null),
        /** What createUser needs besides the API key: a silent browser challenge or a CAPTCHA token. */
        createUserAction: z.enum(['none', 'challenge', 'captcha']).default('none'),
        /** Domains (the SPA's) whose WAF tokens the web ACL accepts, for createUserAction. */
        tokenDomains: z.array(z.string().regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/, 'a DNS name such as app.example.com')).max(10).default([]),
        /** Log every request, not only those a rule blocked, counted or challenged. */
        logAllowedRequests: z.boolean().default(false),
      })
      .strict()
      .refine((waf) => waf.credentialRateLimitPer5Minutes <= waf.rateLimitPer5Minutes, {
        message: 'credentialRateLimitPer5Minutes must not be above rateLimitPer5Minutes: credential operations get the stricter limit',
        path: ['credentialRateLimitPer5Minutes'],
      })
      .nullable()
      .default(null),
    /** The user pool's Cognito feature plan; README "Feature plan". */
    cognito: z
      .object({
        /** Omitted: the cheapest plan that has every feature the settings turn on. */
        featurePlan: z.enum(FEATURE_PLANS).optional(),
        /** Cognito threat protection (compromised credentials, adaptive authentication): Plus only. */
        threatProtection: z.enum(['off', 'audit', 'enforced']).default('off'),
      })
      .strict()
      .default({ threatProtection: 'off' }),
    /**
     * Passkeys (WebAuthn) on the user pool, as a second factor that satisfies mandatory MFA:
     * the relying party ID (the SPA's domain, or a parent of it; changing it invalidates every
     * passkey) and user verification, which must be `required` for a passkey to count as MFA.
     * null: off. Needs the Essentials plan. README "Passkeys".
     * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_WebAuthnConfigurationType.html
     */
    passkeys: z
      .object({
        relyingPartyId: z
          .string()
          .min(1)
          .max(127, 'relyingPartyId is at most 127 characters (Cognito\'s limit)')
          .regex(/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)*$/, 'relyingPartyId is a domain name such as app.example.com, without scheme, port or path'),
        userVerification: z.literal('required', { error: 'userVerification must be "required": only a verified passkey sign-in counts as multi-factor' }),
      })
      .strict()
      .nullable()
      .default(null),
    /** Where the CloudWatch alarms are sent (README "Monitoring"); null: the SNS topic only, subscribe to it yourself. */
    alarms: z
      .object({
        email: z.email('an e-mail address for alarm notifications, or null').nullable().default(null),
      })
      .strict()
      .default({ email: null }),
    /** retain keeps the user pool, key and bucket when the stack is deleted. */
    removalPolicy: z.enum(['retain', 'destroy']).default('retain'),
    /** Cognito deletion protection on the user pool. */
    deletionProtection: z.boolean().default(true),
  })
  .strict()
  .refine((env) => env.tokens.refreshTokenMinutes > Math.max(env.tokens.idTokenMinutes, env.tokens.accessTokenMinutes), {
    message: 'tokens.refreshTokenMinutes must be longer than the id and access token validity',
    path: ['tokens', 'refreshTokenMinutes'],
  })
  .superRefine((env, ctx) => {
    const chosen = env.cognito.featurePlan;
    if (!chosen) return;
    for (const feature of featuresOn(env).filter((f) => planRank(f.plan) > planRank(chosen))) {
      ctx.addIssue({
        code: 'custom',
        path: ['cognito', 'featurePlan'],
        message: `${chosen} does not include ${feature.feature} (${feature.setting}), which needs the ${feature.plan} plan`,
      });
    }
  })
  .transform((env) => ({ ...env, cognito: { ...env.cognito, featurePlan: env.cognito.featurePlan ?? cheapestPlanFor(env) } }));

export type Environment = z.output<typeof environmentSchema>;

export const environmentsDir = fileURLToPath(new URL('./environments', import.meta.url));

export function environmentNames(): string[] {
  return readdirSync(environmentsDir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

export class EnvironmentError extends Error {
  override name = 'EnvironmentError';
}

/** Parses one environment's settings; every problem is reported at once, by path. */
export function parseEnvironment(name: string, raw: unknown): Environment {
  const parsed = environmentSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new EnvironmentError(`infra/environments/${name}.json is invalid:\n${problems.join('\n')}`);
}

/** Settings laid over an environment file, key by key (objects merge, anything else replaces). */
export type EnvironmentOverrides = { [key: string]: unknown };

function overlay(base: unknown, over: EnvironmentOverrides): unknown {
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject(base)) return over;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) merged[key] = isObject(value) && isObject(base[key]) ? overlay(base[key], value) : value;
  return merged;
}

/** One environment file, validated; `overrides` (for tests) are laid over it first and validated with it. */
export function loadEnvironment(name: string, overrides?: EnvironmentOverrides): Environment {
  if (!/^[a-z0-9-]+$/.test(name)) throw new EnvironmentError(`Environment names are lower-case words: got "${name}".`);
  const file = `${environmentsDir}/${name}.json`;
  if (!existsSync(file)) {
    throw new EnvironmentError(`No environment "${name}": create infra/environments/${name}.json (have: ${environmentNames().join(', ')}).`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new EnvironmentError(`infra/environments/${name}.json is not valid JSON: ${(err as Error).message}`);
  }
  return parseEnvironment(name, overrides ? overlay(raw, overrides) : raw);
}
