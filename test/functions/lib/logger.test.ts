import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { logger, logLevelOf } from '../../../functions/lib/logger';
import { NOW } from '../../helpers';

/** The functions' logger: what reaches stdout and stderr, line by line. */

const written = { stdout: [] as string[], stderr: [] as string[] };
const records = (stream: keyof typeof written) => written[stream].join('').split('\n').filter(Boolean).map((line) => JSON.parse(line));

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  for (const name of ['stdout', 'stderr'] as const) {
    vi.spyOn(process[name], 'write').mockImplementation((chunk: string | Uint8Array) => {
      written[name].push(String(chunk));
      return true;
    });
  }
});

beforeEach(() => {
  written.stdout = [];
  written.stderr = [];
  process.env.SERVICE_NAME = 'test-service';
  logger.setLogLevel('INFO');
});

afterEach(() => {
  delete process.env.SERVICE_NAME;
  delete process.env._X_AMZN_TRACE_ID;
});

afterAll(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  logger.setLogLevel('SILENT');
});

describe('logger', () => {
  it('writes one JSON object per line: level, message, time, service, then the fields', () => {
    logger.info('operation succeeded', { field: 'login', durationMs: 12 });
    expect(written.stdout).toHaveLength(1);
    expect(written.stdout[0]!.endsWith('\n')).toBe(true);
    expect(records('stdout')).toEqual([
      { level: 'INFO', message: 'operation succeeded', timestamp: NOW.toISOString(), service: 'test-service', field: 'login', durationMs: 12 },
    ]);
    expect(Object.keys(records('stdout')[0]).slice(0, 4)).toEqual(['level', 'message', 'timestamp', 'service']);
  });

  it('writes warnings and errors to stderr, the rest to stdout', () => {
    logger.setLogLevel('DEBUG');
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(records('stdout').map((record) => record.level)).toEqual(['DEBUG', 'INFO']);
    expect(records('stderr').map((record) => record.level)).toEqual(['WARN', 'ERROR']);
  });

  it('leaves out what is below the level, and everything when SILENT', () => {
    logger.setLogLevel('WARN');
    logger.info('not written');
    logger.warn('written');
    logger.setLogLevel('SILENT');
    logger.error('not written either');
    expect(records('stdout')).toEqual([]);
    expect(records('stderr').map((record) => record.message)).toEqual(['written']);
  });

  it('never lets a field replace the level, the message, the time or the service', () => {
    logger.info('real', { level: 'ERROR', message: 'forged', timestamp: 'then', service: 'other', kept: true });
    expect(records('stdout')).toEqual([{ level: 'INFO', message: 'real', timestamp: NOW.toISOString(), service: 'test-service', kept: true }]);
  });

  it('still writes the line, without its fields, when they cannot be serialized', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => logger.warn('odd fields', { cyclic, big: 10n })).not.toThrow();
    expect(records('stderr')).toEqual([
      { level: 'WARN', message: 'odd fields', timestamp: NOW.toISOString(), service: 'test-service', logError: 'fields not serializable' },
    ]);
  });

  it("names the invocation's X-Ray trace when Lambda sets one", () => {
    process.env._X_AMZN_TRACE_ID = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1';
    logger.info('traced');
    expect(records('stdout')[0]).toMatchObject({ xray_trace_id: '1-5759e988-bd862e3fe1be46a994272793' });
  });

  it('reads LOG_LEVEL in any case, and takes anything else for INFO', () => {
    expect(logLevelOf('debug')).toBe('DEBUG');
    expect(logLevelOf('SILENT')).toBe('SILENT');
    expect(logLevelOf('verbose')).toBe('INFO');
    expect(logLevelOf('')).toBe('INFO');
    expect(logLevelOf(undefined)).toBe('INFO');
  });
});
