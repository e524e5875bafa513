import { AppSyncClient, ListApiKeysCommand, type ApiKey } from '@aws-sdk/client-appsync';
import { config } from './lib/config';
import { logger } from './lib/logger';
import { publishMetric } from './lib/metrics';

/**
 * Runs on a schedule (infra/constructs/monitoring.ts), not behind a GraphQL field: publishes the
 * days left before the API's first API key expires as the `ApiKeyDaysLeft` metric, which alarms
 * below 30. AppSync refuses every request signed with an expired key, and nothing else warns.
 * An API key's id is the key itself: it is never logged.
 * https://docs.aws.amazon.com/appsync/latest/APIReference/API_ApiKey.html (`expires`: epoch seconds, rounded down to the hour)
 */

const DAY_SECONDS = 86_400;

/** Every key of the API, page by page. */
async function listKeys(client: AppSyncClient, apiId: string): Promise<ApiKey[]> {
  const keys: ApiKey[] = [];
  let nextToken: string | undefined;
  // AppSync pages at most 25 keys, and an API holds at most 50 keys: a few pages at most.
  for (let page = 0; page < 10; page += 1) {
    const answer = await client.send(new ListApiKeysCommand({ apiId, nextToken }));
    keys.push(...(answer.apiKeys ?? []));
    nextToken = answer.nextToken;
    if (!nextToken) break;
  }
  return keys;
}

/** Whole days from `nowMs` until the soonest expiry, or null when the API has no key. */
export function daysLeft(keys: readonly ApiKey[], nowMs: number): number | null {
  const expiries = keys.map((key) => key.expires).filter((expires): expires is number => typeof expires === 'number');
  if (expiries.length === 0) return null;
  return Math.floor((Math.min(...expiries) - nowMs / 1000) / DAY_SECONDS);
}

export const handler = async (): Promise<{ daysLeft: number | null }> => {
  const apiId = config.apiId();
  const keys = await listKeys(new AppSyncClient({}), apiId);
  const left = daysLeft(keys, Date.now());
  logger.info('api key expiry checked', { keys: keys.length, daysLeft: left });
  // No key means no value: the alarm treats a missing value as breaching.
  if (left !== null) publishMetric('ApiKeyDaysLeft', left, [[]]);
  return { daysLeft: left };
};
