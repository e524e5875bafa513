/**
 * The prices the cost model uses: us-east-1, on-demand, no free tier except Cognito's (it is part
 * of each plan's price), in US dollars. Each has its source and the day it was checked; update
 * the value, the day and nothing else when AWS changes a price.
 */
export interface Price {
  readonly usd: number;
  /** What one `usd` buys. */
  readonly per: string;
  readonly source: string;
  readonly checked: string;
  /** What confirmed the value on `checked`; those "as quoted by third-party pages" are the next to check on AWS's own page. */
  readonly basis: string;
}

/** One band of a tiered per-MAU price: users up to `upTo` (inclusive) cost `usd` each. */
export interface Tier {
  readonly upTo: number;
  readonly usd: number;
}

export interface TieredPrice {
  readonly tiers: readonly Tier[];
  readonly per: string;
  readonly source: string;
  readonly checked: string;
  readonly basis: string;
}

const CHECKED = '2026-12-02';
const COGNITO = 'https://aws.amazon.com/cognito/pricing/';
const COGNITO_BASIS = 'rates from the pricing page as quoted on the checked date; the 10 000 free MAUs of Lite and Essentials confirmed by third-party pages';

/**
 * Cognito user pools bill monthly active users by feature plan. Since November 2024 Lite and
 * Essentials have 10 000 free MAUs per account (it was 50 000 before), Plus has none.
 */
export const COGNITO_MAU: Readonly<Record<'lite' | 'essentials' | 'plus', TieredPrice>> = {
  lite: {
    tiers: [
      { upTo: 10_000, usd: 0 },
      { upTo: 100_000, usd: 0.0055 },
      { upTo: 1_000_000, usd: 0.0046 },
      { upTo: 10_000_000, usd: 0.00325 },
      { upTo: Number.POSITIVE_INFINITY, usd: 0.0025 },
    ],
    per: 'MAU',
    source: COGNITO,
    checked: CHECKED,
    basis: COGNITO_BASIS,
  },
  essentials: {
    tiers: [
      { upTo: 10_000, usd: 0 },
      { upTo: Number.POSITIVE_INFINITY, usd: 0.015 },
    ],
    per: 'MAU',
    source: COGNITO,
    checked: CHECKED,
    basis: COGNITO_BASIS,
  },
  plus: { tiers: [{ upTo: Number.POSITIVE_INFINITY, usd: 0.02 }], per: 'MAU', source: COGNITO, checked: CHECKED, basis: COGNITO_BASIS },
};

const price = (usd: number, per: string, source: string, basis: string): Price => ({ usd, per, source, checked: CHECKED, basis });
const SUMMARY = 'the pricing page as quoted on the checked date, not re-read on the page itself';
/** Published by AWS; it prices CAPTCHA and Challenge in its worked examples. */
const WAF_COST_GUIDE = "AWS's Security Services Best Practices guide, WAF Cost (aws.github.io/aws-security-services-best-practices/guides/waf/waf-cost/docs/)";

export const PRICES = {
  appsyncOperation: price(4.0 / 1e6, 'query or mutation operation', 'https://aws.amazon.com/appsync/pricing/', SUMMARY),
  lambdaRequest: price(0.2 / 1e6, 'request', 'https://aws.amazon.com/lambda/pricing/', 'pricing page (us-east-1, arm64) as quoted by third-party pages'),
  /** arm64, first 7.5 billion GB-s a month. */
  lambdaGbSecondArm: price(0.0000133334, 'GB-second (arm64)', 'https://aws.amazon.com/lambda/pricing/', 'pricing page (us-east-1, arm64) as quoted by third-party pages'),
  sesEmail: price(0.1 / 1000, 'e-mail', 'https://aws.amazon.com/ses/pricing/', SUMMARY),
  // The S3 rates: the stored copy of the pricing page does not show its rate tables; devnotes.tech
  // ("Understanding AWS S3 Pricing") and cloudburn.io (us-east-1, March 2026) quote them.
  s3Put: price(0.005 / 1000, 'PUT request', 'https://aws.amazon.com/s3/pricing/', 'pricing page (us-east-1, S3 Standard) as quoted by third-party pages'),
  s3Get: price(0.0004 / 1000, 'GET or HEAD request', 'https://aws.amazon.com/s3/pricing/', 'pricing page (us-east-1, S3 Standard) as quoted by third-party pages'),
  s3StorageGbMonth: price(0.023, 'GB-month (S3 Standard)', 'https://aws.amazon.com/s3/pricing/', 'pricing page (us-east-1, first 50 TB a month) as quoted by third-party pages'),
  kmsKeyMonth: price(1.0, 'customer managed key-month', 'https://aws.amazon.com/kms/pricing/', SUMMARY),
  /** Symmetric-key requests past the 20 000 free a month; quoted by cloudburn.io and factualminds.com (us-east-1). */
  kmsRequest: price(0.03 / 10_000, 'KMS request', 'https://aws.amazon.com/kms/pricing/', 'pricing page (us-east-1) as quoted by third-party pages'),
  cloudTrailDataEvent: price(0.1 / 100_000, 'data event', 'https://aws.amazon.com/cloudtrail/pricing/', 'the pricing page'),
  wafWebAclMonth: price(5.0, 'web ACL-month', 'https://aws.amazon.com/waf/pricing/', `${SUMMARY}; third-party pages quote the same`),
  wafRuleMonth: price(1.0, 'rule or rule group-month', 'https://aws.amazon.com/waf/pricing/', `${SUMMARY}; third-party pages quote the same`),
  wafRequest: price(0.6 / 1e6, 'request inspected', 'https://aws.amazon.com/waf/pricing/', `${SUMMARY}; third-party pages quote the same`),
  /** A submitted puzzle answer; the guide prices it at $4.00 per 10 000. WAF prices are the same in every Region. */
  wafCaptchaAttempt: price(0.4 / 1000, 'CAPTCHA attempt', 'https://aws.amazon.com/waf/pricing/', `${WAF_COST_GUIDE} quotes it`),
  /** An HTTP 202 challenge interstitial served by a rule's Challenge action. */
  wafChallengeResponse: price(0.4 / 1e6, 'challenge response', 'https://aws.amazon.com/waf/pricing/', `${WAF_COST_GUIDE} quotes it`),
  // The CloudWatch rates: the stored copy of the pricing page shows the free tier but not the paid
  // rate tables. Logs ingestion and storage are quoted for us-east-1 by hykell.com and c3x.dev, the
  // alarm by c3x.dev, custom metrics by signoz.io, dashboards by factualminds.com.
  /** Standard log class; WAF's vended logs start at the same rate and get cheaper with volume. */
  logsIngestionGb: price(0.5, 'GB ingested', 'https://aws.amazon.com/cloudwatch/pricing/', 'pricing page (us-east-1, Standard log class) as quoted by third-party pages'),
  logsStorageGbMonth: price(0.03, 'GB-month stored', 'https://aws.amazon.com/cloudwatch/pricing/', 'pricing page (us-east-1) as quoted by third-party pages'),
  /** Standard resolution: an alarm on metric math pays for each metric it reads. */
  cloudWatchAlarmMetric: price(0.1, 'alarm metric-month', 'https://aws.amazon.com/cloudwatch/pricing/', 'pricing page (us-east-1) as quoted by third-party pages'),
  /** First 10 000 custom metrics a month; EMF metrics count as custom metrics. */
  cloudWatchCustomMetric: price(0.3, 'custom metric-month', 'https://aws.amazon.com/cloudwatch/pricing/', 'pricing page (us-east-1) as quoted by third-party pages'),
  /** Beyond the account's first three dashboards: the upper bound. */
  cloudWatchDashboard: price(3.0, 'dashboard-month', 'https://aws.amazon.com/cloudwatch/pricing/', 'pricing page (us-east-1) as quoted by third-party pages'),
  /** Past the 100 000 free traces a month. */
  xrayTrace: price(
    5.0 / 1e6,
    'trace recorded',
    'https://aws.amazon.com/xray/pricing/',
    'the pricing page in German and Chinese (aws.amazon.com/de/xray/pricing/, aws.amazon.com/cn/xray/pricing/, stored copies): 5 USD a million recorded traces, one price with no Region named',
  ),
  /**
   * A user's call to Cognito's public API (a refresh with GetTokensFromRefreshToken): nothing, the
   * MAU price covers it. Cognito bills MAUs, M2M client-credentials tokens and quota bought above
   * the defaults, not user API calls.
   */
  cognitoUserApiCall: price(
    0,
    'user API call',
    COGNITO,
    'developer guide, Monitoring costs (cognito/latest/developerguide/tracking-cost.html): MAUs, M2M and purchased quota are the billed dimensions',
  ),
} as const satisfies Record<string, Price>;

export type Prices = typeof PRICES;
