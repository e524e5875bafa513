import type { Environment } from '../../infra/config';
import { dataSourceOf, functionOperations, operations, triggers } from '../../operations';
import { COGNITO_MAU, PRICES, type Price, type Prices, type TieredPrice } from './prices';

/** How the users use the gateway. The defaults are the assumptions the README states. */
export interface Usage {
  readonly mau: number;
  /** Each request is one operation (api.resolverCountLimit 1). */
  readonly requestsPerUserDay: number;
  /** Every MAU active every day of a 30-day month: the busiest case for that MAU count. */
  readonly daysPerMonth: number;
  /** Average billed duration of one function call: one or two Cognito calls of ~50 ms, plus cold starts. */
  readonly lambdaMs: number;
  /** The memory of every function (infra/constructs/functions.ts). */
  readonly lambdaMemoryMb: number;
  /** Invitations, reset codes and QR links per user and month (sign-ups and recoveries are rare next to refreshes). */
  readonly emailsPerUserMonth: number;
  /** MFA enrolments (QR codes archived) per user and month; each is read back about once. */
  readonly enrolmentsPerUserMonth: number;
  /** Public Cognito API calls per request, which the user pool's web ACL also inspects (a refresh or a login step is one). */
  readonly cognitoCallsPerRequest: number;
  /** Share of requests that fail (AppSync logs them at field log level ERROR). */
  readonly errorShare: number;
  /** Share of requests a WAF rule blocks, counts or challenges (logged by default). */
  readonly matchedShare: number;
  /** Token refreshes per user-day, part of requestsPerUserDay (hourly with 60-minute access tokens). */
  readonly refreshesPerUserDay: number;
  /**
   * Where refreshes go: `gateway` (refreshTokens: an AppSync operation and a function call each) or
   * `cognito` (the app calls GetTokensFromRefreshToken itself: no AppSync, Lambda, logs or traces).
   */
  readonly refresh: 'gateway' | 'cognito';
  /** Outcomes an operation sees in a month (Success and its usual errors): each is a custom metric. */
  readonly outcomesPerOperation: number;
}

export const DEFAULT_USAGE: Omit<Usage, 'mau' | 'requestsPerUserDay'> = {
  daysPerMonth: 30,
  lambdaMs: 150,
  lambdaMemoryMb: 256,
  emailsPerUserMonth: 0.1,
  enrolmentsPerUserMonth: 0.05,
  cognitoCallsPerRequest: 1,
  errorShare: 0.02,
  matchedShare: 0.01,
  refreshesPerUserDay: 24,
  refresh: 'gateway',
  outcomesPerOperation: 3,
};

/** Fields AppSync serves by calling Cognito itself (operations.ts `dataSource: 'cognito'`): no function call. */
export const LAMBDA_FREE_FIELDS = operations.filter((op) => dataSourceOf(op.field) !== 'lambda').map((op) => op.field);

/** The alarms infra/constructs/monitoring.ts creates, counted by the metrics they read (what CloudWatch bills). */
export function alarmMetrics(env: Environment): number {
  const functions = functionOperations.length + triggers.length + 1; // + the scheduled API key check
  const webAcls = env.waf ? (env.waf.protectUserPool ? 2 : 1) : 0;
  // Errors and throttles per function; two rates of two metrics each; AppSync 5XX and latency; the API key; WAF blocks.
  return functions * 2 + 2 * 2 + 2 + 1 + webAcls;
}

/**
 * The EMF metrics functions/lib/metrics.ts writes, one per dimension combination seen: Calls by
 * operation and outcome, by operation, by outcome and in total; Lockouts by operation and in total;
 * AccountRecoveries; the API key's days left. Admin calls are rare and left out.
 */
export function customMetrics(usage: Pick<Usage, 'outcomesPerOperation'>): number {
  const ops = functionOperations.length;
  const credentialOps = functionOperations.filter((op) => 'credential' in op && op.credential).length;
  return ops * usage.outcomesPerOperation + ops + usage.outcomesPerOperation * 2 + 1 + credentialOps + 1 + 1 + 1;
}

/** Log bytes per event, from the shapes of the records (platform START/END/REPORT lines plus one JSON line per call). */
const LOG_BYTES = { lambdaInvocation: 700, appsyncError: 1000, appsyncPerRequest: { INFO: 1500, DEBUG: 3000 }, wafRecord: 1500 } as const;
/** The stack keeps logs 90 days: at steady state three months of them are stored. */
const LOG_MONTHS_STORED = 3;
/** X-Ray's default sampling rule: the first request each second, then 5 %. https://docs.aws.amazon.com/xray/latest/devguide/xray-console-sampling.html */
const XRAY_RESERVOIR_PER_SECOND = 1;
const XRAY_RATE = 0.05;
/** An archived QR PNG. */
const QR_BYTES = 1500;

export interface LineItem {
  readonly service: string;
  readonly item: string;
  readonly quantity: number;
  readonly unit: string;
  readonly unitUsd: number;
  readonly usd: number;
}

const line = (service: string, item: string, quantity: number, price: Price): LineItem => ({
  service,
  item,
  quantity,
  unit: price.per,
  unitUsd: price.usd,
  usd: quantity * price.usd,
});

/** Cognito MAUs band by band: each band's users at that band's price. */
export function cognitoLines(plan: keyof typeof COGNITO_MAU, mau: number, table: TieredPrice = COGNITO_MAU[plan]): LineItem[] {
  const lines: LineItem[] = [];
  let from = 0;
  for (const tier of table.tiers) {
    const users = Math.max(0, Math.min(mau, tier.upTo) - from);
    if (users > 0) {
      const band = Number.isFinite(tier.upTo) ? `${from + 1}–${tier.upTo}` : `over ${from}`;
      lines.push({ service: 'Cognito', item: `${plan} plan, MAU ${band}`, quantity: users, unit: table.per, unitUsd: tier.usd, usd: users * tier.usd });
    }
    from = tier.upTo;
  }
  return lines;
}

/** The monthly bill of one environment for `usage`, line by line. */
export function estimate(env: Environment, usage: Usage, prices: Prices = PRICES): LineItem[] {
  if (usage.refreshesPerUserDay > usage.requestsPerUserDay) {
    throw new RangeError('refreshesPerUserDay is part of requestsPerUserDay, so it cannot be larger.');
  }
  const all = usage.mau * usage.requestsPerUserDay * usage.daysPerMonth;
  // Refreshes sent straight to Cognito never reach the gateway; everything below counts what does.
  const direct = usage.refresh === 'cognito' ? usage.mau * usage.refreshesPerUserDay * usage.daysPerMonth : 0;
  const requests = all - direct;
  const emails = usage.mau * usage.emailsPerUserMonth;
  const lines: LineItem[] = [...cognitoLines(env.cognito.featurePlan, usage.mau)];
  if (direct > 0) lines.push(line('Cognito', 'refreshes straight from the app (GetTokensFromRefreshToken)', direct, prices.cognitoUserApiCall));

  lines.push(line('AppSync', 'operations (one per request)', requests, prices.appsyncOperation));

  // Refreshes through the gateway reach a function only if refreshTokens has one. The other
  // requests are all counted as function calls: an upper bound, since me and verifyMfa have none either.
  const gatewayRefreshes = usage.refresh === 'gateway' ? usage.mau * usage.refreshesPerUserDay * usage.daysPerMonth : 0;
  const functionRequests = dataSourceOf('refreshTokens') === 'lambda' ? requests : requests - gatewayRefreshes;
  // Plus the customMessage trigger for each Cognito e-mail.
  const invocations = functionRequests + emails;
  const gbSeconds = invocations * (usage.lambdaMs / 1000) * (usage.lambdaMemoryMb / 1024);
  const served = LAMBDA_FREE_FIELDS.length > 0 ? `; none for ${LAMBDA_FREE_FIELDS.join(', ')}` : '';
  lines.push(line('Lambda', `requests (operations + customMessage${served})`, invocations, prices.lambdaRequest));
  lines.push(line('Lambda', `compute: ${usage.lambdaMemoryMb} MB arm64 × ${usage.lambdaMs} ms`, gbSeconds, prices.lambdaGbSecondArm));

  if (env.email) lines.push(line('SES', 'e-mails', emails, prices.sesEmail));

  if (env.mfa.qrArchive) {
    const writes = usage.mau * usage.enrolmentsPerUserMonth;
    // Each enrolment's code is read about once (the presigned link, or resendMfaQrCode's HEAD and the link).
    const reads = writes;
    lines.push(line('S3', 'QR archive PUTs', writes, prices.s3Put));
    lines.push(line('S3', 'QR archive GETs and HEADs', reads, prices.s3Get));
    lines.push(line('S3', 'QR archive storage (one code per user)', (usage.mau * QR_BYTES) / 1e9, prices.s3StorageGbMonth));
    lines.push(line('KMS', 'archive key', 1, prices.kmsKeyMonth));
    // With an S3 bucket key most object requests need no KMS call: one per request is the upper bound.
    lines.push(line('KMS', 'requests (upper bound)', writes + reads, prices.kmsRequest));
    lines.push(line('CloudTrail', 'archive data events', writes + reads, prices.cloudTrailDataEvent));
  }

  const waf = env.waf;
  let wafLogGb = 0;
  if (waf) {
    const acls = waf.protectUserPool ? 2 : 1;
    const apiRules = waf.managedRuleGroups.length + 2 + (waf.createUserAction === 'none' ? 0 : 1);
    const poolRules = waf.protectUserPool ? waf.managedRuleGroups.length + (waf.userPoolRateLimitPer5Minutes === null ? 0 : 1) : 0;
    // The user pool's web ACL sees the functions' Cognito calls and the app's own refreshes alike.
    const inspected = requests + (waf.protectUserPool ? requests * usage.cognitoCallsPerRequest + direct : 0);
    lines.push(line('WAF', 'web ACLs', acls, prices.wafWebAclMonth));
    lines.push(line('WAF', 'rules and managed rule groups', apiRules + poolRules, prices.wafRuleMonth));
    lines.push(line('WAF', 'requests inspected (API, and user pool calls)', inspected, prices.wafRequest));
    const signUps = usage.mau * usage.enrolmentsPerUserMonth;
    if (waf.createUserAction === 'captcha') lines.push(line('WAF', 'createUser CAPTCHA attempts', signUps, prices.wafCaptchaAttempt));
    if (waf.createUserAction === 'challenge') lines.push(line('WAF', 'createUser challenge responses', signUps, prices.wafChallengeResponse));
    wafLogGb = (inspected * (waf.logAllowedRequests ? 1 : usage.matchedShare) * LOG_BYTES.wafRecord) / 1e9;
  }

  const level = env.api.fieldLogLevel;
  const appsyncLogBytes =
    level === 'NONE' ? 0 : level === 'ERROR' ? requests * usage.errorShare * LOG_BYTES.appsyncError : requests * LOG_BYTES.appsyncPerRequest[level];
  const logGb = (invocations * LOG_BYTES.lambdaInvocation + appsyncLogBytes) / 1e9 + wafLogGb;
  lines.push(line('CloudWatch Logs', `ingestion (functions, AppSync ${level}${waf ? ', WAF' : ''})`, logGb, prices.logsIngestionGb));
  lines.push(line('CloudWatch Logs', `storage (${LOG_MONTHS_STORED} months at 90-day retention)`, logGb * LOG_MONTHS_STORED, prices.logsStorageGbMonth));

  lines.push(line('CloudWatch', 'alarms (by the metrics they read)', alarmMetrics(env), prices.cloudWatchAlarmMetric));
  lines.push(line('CloudWatch', 'custom metrics (EMF: calls by operation and outcome, lockouts, recoveries, API key)', customMetrics(usage), prices.cloudWatchCustomMetric));
  lines.push(line('CloudWatch', 'dashboard', 1, prices.cloudWatchDashboard));

  const seconds = usage.daysPerMonth * 86_400;
  const reservoir = Math.min(requests, seconds * XRAY_RESERVOIR_PER_SECOND);
  lines.push(line('X-Ray', 'traces (default sampling: 1/s + 5 %)', reservoir + (requests - reservoir) * XRAY_RATE, prices.xrayTrace));
  return lines;
}

export const total = (lines: readonly LineItem[]): number => lines.reduce((sum, l) => sum + l.usd, 0);

/** The same month with refreshes through the gateway and straight to Cognito, and the difference. */
export function refreshScenarios(env: Environment, usage: Usage): { gateway: number; cognito: number; saved: number } {
  const gateway = total(estimate(env, { ...usage, refresh: 'gateway' }));
  const cognito = total(estimate(env, { ...usage, refresh: 'cognito' }));
  return { gateway, cognito, saved: gateway - cognito };
}
