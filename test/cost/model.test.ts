import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEnvironment } from '../../infra/config';
import { alarmMetrics, cognitoLines, customMetrics, DEFAULT_USAGE, estimate, LAMBDA_FREE_FIELDS, refreshScenarios, total, type LineItem, type Usage } from '../../scripts/cost/model';
import { functionOperations, triggers } from '../../operations';
import { COGNITO_MAU, PRICES } from '../../scripts/cost/prices';
import { devWith } from '../infra/synth';

// Refreshes are part of the requests: never more of them than requests.
const usage = (mau: number, requestsPerUserDay: number): Usage => ({
  ...DEFAULT_USAGE,
  mau,
  requestsPerUserDay,
  refreshesPerUserDay: Math.min(DEFAULT_USAGE.refreshesPerUserDay, requestsPerUserDay),
});
const usdOf = (lines: readonly LineItem[], service: string, item?: string) =>
  lines.filter((l) => l.service === service && (!item || l.item.startsWith(item))).reduce((sum, l) => sum + l.usd, 0);

describe('Cognito MAUs', () => {
  it('bill each band of users at its own price, the free ones at nothing', () => {
    expect(cognitoLines('lite', 50_000).map((l) => [l.quantity, l.usd])).toEqual([
      [10_000, 0],
      [40_000, 40_000 * 0.0055],
    ]);
    const big = cognitoLines('lite', 150_000);
    expect(big.map((l) => l.quantity)).toEqual([10_000, 90_000, 50_000]);
    expect(total(big)).toBeCloseTo(90_000 * 0.0055 + 50_000 * 0.0046, 6);
    expect(total(cognitoLines('essentials', 50_000))).toBeCloseTo(40_000 * 0.015, 6);
    expect(total(cognitoLines('plus', 50_000))).toBeCloseTo(50_000 * 0.02, 6);
    expect(cognitoLines('lite', 5_000)).toEqual([expect.objectContaining({ quantity: 5_000, usd: 0 })]);
  });

  it('name a source and the day each price was checked', () => {
    for (const price of [...Object.values(PRICES), ...Object.values(COGNITO_MAU)]) {
      expect(price.source).toMatch(/^https:\/\/aws\.amazon\.com\/[a-z0-9]+\/pricing\/$/);
      expect(price.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe('the prod bill at 50 000 MAU and 26 requests a user-day', () => {
  const lines = estimate(loadEnvironment('prod'), usage(50_000, 26));
  const requests = 50_000 * 26 * 30;

  it('counts one AppSync operation per request, and a function call for each but the refreshes, which AppSync sends to Cognito itself', () => {
    expect(requests).toBe(39_000_000);
    expect(usdOf(lines, 'AppSync')).toBeCloseTo(156, 6);
    expect(LAMBDA_FREE_FIELDS).toContain('refreshTokens');
    const refreshes = 50_000 * 24 * 30;
    const invocations = requests - refreshes + 50_000 * 0.1;
    expect(usdOf(lines, 'Lambda', 'requests')).toBeCloseTo(invocations * 0.2e-6, 6);
    expect(usdOf(lines, 'Lambda', 'compute')).toBeCloseTo(invocations * 0.15 * 0.25 * 0.0000133334, 6);
  });

  it('prices every alarm by the metrics it reads, the EMF metrics and the dashboard', () => {
    // Two per function (the operations', the triggers' and the API key check's), two rates of two metrics, AppSync twice, the key, two web ACLs.
    const alarms = (functionOperations.length + triggers.length + 1) * 2 + 4 + 2 + 1 + 2;
    expect(alarmMetrics(loadEnvironment('prod'))).toBe(alarms);
    expect(usdOf(lines, 'CloudWatch', 'alarms')).toBeCloseTo(alarms * 0.1, 6);
    expect(customMetrics({ outcomesPerOperation: 3 })).toBeGreaterThan(functionOperations.length * 3);
    expect(usdOf(lines, 'CloudWatch', 'custom metrics')).toBeCloseTo(customMetrics(DEFAULT_USAGE) * 0.3, 6);
    expect(usdOf(lines, 'CloudWatch', 'dashboard')).toBe(3);
  });

  it('prices Lite for the MAUs above the free 10 000', () => {
    expect(usdOf(lines, 'Cognito')).toBeCloseTo(220, 6);
  });

  it('prices two web ACLs, their rules, and every API request and user-pool call they inspect', () => {
    expect(usdOf(lines, 'WAF', 'web ACLs')).toBe(10);
    expect(usdOf(lines, 'WAF', 'rules')).toBe(3 + 2 + 3);
    expect(usdOf(lines, 'WAF', 'requests')).toBeCloseTo(2 * requests * 0.6e-6, 6);
  });

  it("prices X-Ray's default sampling: one trace a second, then 5 %", () => {
    const seconds = 30 * 86_400;
    expect(usdOf(lines, 'X-Ray')).toBeCloseTo((seconds + (requests - seconds) * 0.05) * 5e-6, 6);
  });

  it('has the archive, its key and its audit trail, SES, logs, and a total that is the sum of the lines', () => {
    expect(new Set(lines.map((l) => l.service))).toEqual(
      new Set(['Cognito', 'AppSync', 'Lambda', 'SES', 'S3', 'KMS', 'CloudTrail', 'WAF', 'CloudWatch', 'CloudWatch Logs', 'X-Ray']),
    );
    expect(usdOf(lines, 'KMS', 'archive key')).toBe(1);
    for (const l of lines) expect(l.usd).toBeCloseTo(l.quantity * l.unitUsd, 9);
    expect(total(lines)).toBeCloseTo(lines.reduce((sum, l) => sum + l.usd, 0), 9);
  });
});

describe('the bill follows the environment file', () => {
  it('has no WAF, no SES and no archive lines when they are off', () => {
    const lines = estimate(devWith((raw) => (raw.mfa.qrArchive = false)), usage(1_000, 26));
    expect(lines.map((l) => l.service).filter((s) => ['WAF', 'SES', 'S3', 'KMS', 'CloudTrail'].includes(s))).toEqual([]);
  });

  it('prices the plan the file chooses, and one web ACL when the user pool is not protected', () => {
    const env = devWith((raw) => {
      raw.cognito = { featurePlan: 'essentials' };
      raw.waf = { rateLimitPer5Minutes: 1000, protectUserPool: false, createUserAction: 'captcha' };
    });
    const lines = estimate(env, usage(20_000, 10));
    expect(usdOf(lines, 'Cognito')).toBeCloseTo(10_000 * 0.015, 6);
    expect(usdOf(lines, 'WAF', 'web ACLs')).toBe(5);
    expect(usdOf(lines, 'WAF', 'requests')).toBeCloseTo(20_000 * 10 * 30 * 0.6e-6, 6);
    expect(usdOf(lines, 'WAF', 'createUser CAPTCHA')).toBeCloseTo(20_000 * 0.05 * 0.4e-3, 9);
  });
});

describe('refreshes through the gateway or straight to Cognito', () => {
  const prod = loadEnvironment('prod');
  const refreshes = 50_000 * 24 * 30;
  const all = 50_000 * 26 * 30;

  it('counts refreshes as gateway requests by default', () => {
    const lines = estimate(prod, usage(50_000, 26));
    expect(DEFAULT_USAGE.refresh).toBe('gateway');
    expect(lines.find((l) => l.item.startsWith('operations'))?.quantity).toBe(all);
    expect(lines.some((l) => l.item.startsWith('refreshes straight'))).toBe(false);
  });

  it('takes them off AppSync, Lambda, logs and traces when the app refreshes with Cognito, which bills no API call', () => {
    const direct = estimate(prod, { ...usage(50_000, 26), refresh: 'cognito' });
    const gatewayRequests = all - refreshes;
    expect(direct.find((l) => l.item.startsWith('refreshes straight'))).toMatchObject({ service: 'Cognito', quantity: refreshes, usd: 0 });
    expect(usdOf(direct, 'AppSync')).toBeCloseTo(gatewayRequests * 4e-6, 6);
    expect(usdOf(direct, 'Lambda', 'requests')).toBeCloseTo((gatewayRequests + 50_000 * 0.1) * 0.2e-6, 6);
    // The user pool's web ACL still inspects each refresh, now sent by the app.
    expect(usdOf(direct, 'WAF', 'requests')).toBeCloseTo((2 * gatewayRequests + refreshes) * 0.6e-6, 6);
    expect(usdOf(direct, 'Cognito')).toBeCloseTo(220, 6);
  });

  it('compares both in one call, the difference being what the refreshes cost at the gateway', () => {
    const scenarios = refreshScenarios(prod, usage(50_000, 26));
    expect(scenarios.gateway).toBeCloseTo(total(estimate(prod, usage(50_000, 26))), 9);
    expect(scenarios.saved).toBeCloseTo(scenarios.gateway - scenarios.cognito, 9);
    // At least the AppSync operations and the API web ACL's inspections of them (refreshTokens calls no function).
    expect(scenarios.saved).toBeGreaterThan(refreshes * (4e-6 + 0.6e-6));
    expect(refreshScenarios(prod, { ...usage(50_000, 26), refreshesPerUserDay: 0 }).saved).toBeCloseTo(0, 9);
  });

  it('refuses more refreshes than requests', () => {
    expect(() => estimate(prod, { ...usage(1_000, 2), refreshesPerUserDay: 3 })).toThrow(RangeError);
  });
});

describe("the README's worked example", () => {
  // The README prices prod and dev at 50 000 MAU and 26 requests a user-day; a change to the model, the prices or the stack must show there.
  const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
  const dollars = (usd: number) => `$${usd.toFixed(2)}`;

  it('shows the totals the model gives today, through the gateway and straight to Cognito', () => {
    const prod = refreshScenarios(loadEnvironment('prod'), usage(50_000, 26));
    expect(readme).toContain(`| **total** | **$150** | **${dollars(prod.gateway)}** | |`);
    expect(readme).toContain(`**${dollars(prod.cognito)}** instead of ${dollars(prod.gateway)}, ${dollars(prod.saved)} a month less`);
    expect(readme).toContain(`is ${dollars(total(estimate(loadEnvironment('dev'), usage(50_000, 26))))} at the same usage`);
  });
});
