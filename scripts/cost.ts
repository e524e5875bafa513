import { parseArgs } from 'node:util';
import { EnvironmentError, loadEnvironment } from '../infra/config';
import { DEFAULT_USAGE, estimate, refreshScenarios, total, type LineItem, type Usage } from './cost/model';
import { PRICES } from './cost/prices';

/** Prices read off third-party pages that quote AWS's, not off an AWS page: the next to check. */
const secondHandPrices = () => Object.values(PRICES).filter((price) => price.basis.endsWith('as quoted by third-party pages')).length;

/**
 * `npm run cost -- --mau 50000 --requests-per-user-day 26 [--env prod]`: the monthly AWS bill of
 * one environment (its feature plan, WAF, archive and e-mail settings) at that usage, line by line,
 * from the price table in scripts/cost/prices.ts. Every other assumption has a flag.
 */
const FLAGS = {
  env: { type: 'string', default: 'prod' },
  mau: { type: 'string' },
  'requests-per-user-day': { type: 'string' },
  'days-per-month': { type: 'string' },
  'lambda-ms': { type: 'string' },
  'emails-per-user-month': { type: 'string' },
  'enrolments-per-user-month': { type: 'string' },
  'cognito-calls-per-request': { type: 'string' },
  'error-share': { type: 'string' },
  'matched-share': { type: 'string' },
  'refreshes-per-user-day': { type: 'string' },
  refresh: { type: 'string', default: 'gateway' },
  'outcomes-per-operation': { type: 'string' },
} as const;

function numberFlag(values: Record<string, unknown>, flag: string, fallback?: number): number {
  const raw = values[flag];
  if (raw === undefined) {
    if (fallback === undefined) throw new EnvironmentError(`--${flag} is required.`);
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new EnvironmentError(`--${flag} takes a non-negative number, not "${String(raw)}".`);
  return value;
}

function refreshFlag(value: string | undefined): Usage['refresh'] {
  if (value === 'gateway' || value === 'cognito') return value;
  throw new EnvironmentError(`--refresh takes gateway or cognito, not "${String(value)}".`);
}

const usd = (value: number) => (value >= 0.01 || value === 0 ? `$${value.toFixed(2)}` : `$${value.toPrecision(2)}`);
const quantity = (value: number) => (Number.isInteger(value) ? value.toLocaleString('en-US') : value.toLocaleString('en-US', { maximumFractionDigits: 3 }));

/** Prices of a fraction of a cent read better per million. */
const exact = (value: number) => `$${Number(value.toPrecision(4))}`;
const unitPrice = (l: LineItem) => (l.unitUsd > 0 && l.unitUsd < 0.001 ? `${exact(l.unitUsd * 1e6)} / 1M (${l.unit})` : `${exact(l.unitUsd)} / ${l.unit}`);

function table(lines: readonly LineItem[]): string {
  const rows = lines.map((l) => [l.service, l.item, quantity(l.quantity), unitPrice(l), usd(l.usd)]);
  const header = ['service', 'item', 'quantity', 'unit price', 'monthly'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const format = (row: string[]) => row.map((cell, i) => (i >= 2 && i !== 3 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ');
  return [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(format)].join('\n');
}

function main(): void {
  const { values } = parseArgs({ options: FLAGS, strict: true });
  const env = loadEnvironment(values.env);
  const usage: Usage = {
    mau: numberFlag(values, 'mau'),
    requestsPerUserDay: numberFlag(values, 'requests-per-user-day'),
    daysPerMonth: numberFlag(values, 'days-per-month', DEFAULT_USAGE.daysPerMonth),
    lambdaMs: numberFlag(values, 'lambda-ms', DEFAULT_USAGE.lambdaMs),
    lambdaMemoryMb: DEFAULT_USAGE.lambdaMemoryMb,
    emailsPerUserMonth: numberFlag(values, 'emails-per-user-month', DEFAULT_USAGE.emailsPerUserMonth),
    enrolmentsPerUserMonth: numberFlag(values, 'enrolments-per-user-month', DEFAULT_USAGE.enrolmentsPerUserMonth),
    cognitoCallsPerRequest: numberFlag(values, 'cognito-calls-per-request', DEFAULT_USAGE.cognitoCallsPerRequest),
    errorShare: numberFlag(values, 'error-share', DEFAULT_USAGE.errorShare),
    matchedShare: numberFlag(values, 'matched-share', DEFAULT_USAGE.matchedShare),
    // By default hourly, or every request when there are fewer than 24.
    refreshesPerUserDay: numberFlag(values, 'refreshes-per-user-day', Math.min(DEFAULT_USAGE.refreshesPerUserDay, numberFlag(values, 'requests-per-user-day'))),
    refresh: refreshFlag(values.refresh),
    outcomesPerOperation: numberFlag(values, 'outcomes-per-operation', DEFAULT_USAGE.outcomesPerOperation),
  };
  const lines = estimate(env, usage);
  const scenarios = refreshScenarios(env, usage);
  process.stdout.write(
    [
      `${values.env}: ${quantity(usage.mau)} MAU × ${usage.requestsPerUserDay} requests a day × ${usage.daysPerMonth} days, us-east-1 prices`,
      `feature plan ${env.cognito.featurePlan}, WAF ${env.waf ? 'on' : 'off'}, QR archive ${env.mfa.qrArchive ? 'on' : 'off'}, SES ${env.email ? 'on' : 'off'}`,
      '',
      table(lines),
      '',
      `total: ${usd(total(lines))} a month`,
      `refreshes (${usage.refreshesPerUserDay} a user-day) through the gateway: ${usd(scenarios.gateway)}; straight to Cognito (the typed client's refresh: 'cognito'): ${usd(scenarios.cognito)}, ${usd(scenarios.saved)} less`,
      `${secondHandPrices()} of the ${Object.keys(PRICES).length} prices are as third-party pages quote AWS's, not read on an AWS page: see scripts/cost/prices.ts.`,
      '',
    ].join('\n'),
  );
}

try {
  main();
} catch (err) {
  if (!(err instanceof EnvironmentError) && !(err instanceof TypeError) && !(err instanceof RangeError)) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exitCode = 1;
}
