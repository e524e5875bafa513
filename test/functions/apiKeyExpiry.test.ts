import { AppSyncClient, ListApiKeysCommand } from '@aws-sdk/client-appsync';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { daysLeft, handler } from '../../functions/apiKeyExpiry';
import { NOW, NOW_SECONDS } from '../helpers';

const appsync = mockClient(AppSyncClient);
const DAY = 86_400;
let written: string[] = [];
const emf = () =>
  written
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line))
    .filter((record) => record._aws);

beforeAll(() => {
  process.env.APPSYNC_API_ID = 'api-id-1';
  process.env.METRICS_NAMESPACE = 'test-gateway';
  // The suite turns metrics off everywhere else (vitest.config.ts); this file reads them.
  process.env.METRICS_DISABLED = 'false';
  process.env.SERVICE_NAME = 'test-service';
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
});

beforeEach(() => {
  appsync.reset();
  written = [];
});

afterAll(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  for (const name of ['APPSYNC_API_ID', 'METRICS_NAMESPACE', 'SERVICE_NAME']) delete process.env[name];
});

describe('apiKeyExpiry', () => {
  it("publishes the whole days left before the API's first key expires, reading every page", async () => {
    appsync
      .on(ListApiKeysCommand, { apiId: 'api-id-1', nextToken: undefined })
      .resolves({ apiKeys: [{ id: 'da2-secretkey1', expires: NOW_SECONDS + 90 * DAY }], nextToken: 'page-2' })
      .on(ListApiKeysCommand, { apiId: 'api-id-1', nextToken: 'page-2' })
      .resolves({ apiKeys: [{ id: 'da2-secretkey2', expires: NOW_SECONDS + 29 * DAY + 3600 }] });
    expect(await handler()).toEqual({ daysLeft: 29 });
    expect(appsync.commandCalls(ListApiKeysCommand)).toHaveLength(2);
    const [line] = emf();
    expect(line).toMatchObject({ service: 'test-service', ApiKeyDaysLeft: 29 });
    expect(line._aws.CloudWatchMetrics[0]).toMatchObject({ Namespace: 'test-gateway', Dimensions: [['service']] });
    // A key's id is the key.
    expect(written.join('')).not.toContain('da2-secretkey');
  });

  it('publishes nothing for an API without a key: the alarm treats no value as breaching', async () => {
    appsync.on(ListApiKeysCommand).resolves({ apiKeys: [] });
    expect(await handler()).toEqual({ daysLeft: null });
    expect(emf()).toEqual([]);
  });

  it('fails when AppSync refuses, so that the alarm gets no value', async () => {
    appsync.on(ListApiKeysCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
    await expect(handler()).rejects.toMatchObject({ name: 'AccessDeniedException' });
    expect(emf()).toEqual([]);
  });

  it('counts an expired key as negative days', () => {
    expect(daysLeft([{ expires: NOW_SECONDS - DAY }], NOW.getTime())).toBe(-1);
    expect(daysLeft([{ expires: NOW_SECONDS + 30 * DAY }, { id: 'no-expiry' }], NOW.getTime())).toBe(30);
  });
});
