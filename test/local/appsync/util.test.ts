import { describe, expect, it } from 'vitest';
import { EarlyReturn, evaluate, ResolverError, runtime, util, type Evaluation } from '../../../local/appsync/util';

const evaluation = (): Evaluation => ({ fieldName: 'me', parentTypeName: 'Query', appended: [] });

describe('util stand-in', () => {
  it('util.error throws what becomes one GraphQL error', () => {
    expect(() => util.error('No.', 'CodeMismatch', { a: 1 }, { requestId: 'r' })).toThrow(
      expect.objectContaining({ message: 'No.', errorType: 'CodeMismatch', data: { a: 1 }, errorInfo: { requestId: 'r' } }),
    );
    expect(() => util.error('Bare.')).toThrow(expect.objectContaining({ errorType: null, data: null, errorInfo: null }));
  });

  it('util.appendError records the error and lets the handler go on', () => {
    const current = evaluation();
    const result = evaluate(current, () => {
      util.appendError('Partial.', 'Warning');
      return 'value';
    });
    expect(result).toBe('value');
    expect(current.appended).toEqual([expect.objectContaining({ message: 'Partial.', errorType: 'Warning' })]);
    expect(() => util.appendError('Outside.')).toThrow(/inside a resolver/);
  });

  it('util.unauthorized names the field as AppSync does', () => {
    expect(() => evaluate(evaluation(), () => util.unauthorized())).toThrow(
      expect.objectContaining({ message: 'Not Authorized to access me on type Query', errorType: 'Unauthorized' }),
    );
  });

  it('runtime.earlyReturn carries its value', () => {
    let thrown: unknown;
    try {
      runtime.earlyReturn({ done: true });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(EarlyReturn);
    expect((thrown as EarlyReturn).value).toEqual({ done: true });
  });

  it('util.matches needs the whole value to match, like Java', () => {
    expect(util.matches('a*b', 'aaaab')).toBe(true);
    expect(util.matches('a*b', 'xaab')).toBe(false);
  });

  it('encodes like AppSync', () => {
    expect(util.urlEncode('a b&c=d/é*')).toBe('a+b%26c%3Dd%2F%C3%A9*');
    expect(util.urlDecode('a+b%26c')).toBe('a b&c');
    expect(util.base64Decode(util.base64Encode('héllo'))).toBe('héllo');
    expect(util.autoId()).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('gives times in ISO 8601 and epoch forms', () => {
    expect(util.time.nowISO8601()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(util.time.parseISO8601ToEpochMilliSeconds('1970-01-01T00:00:01.000Z')).toBe(1000);
    expect(util.time.epochMilliSecondsToISO8601(1000)).toBe('1970-01-01T00:00:01.000Z');
    expect(util.time.epochMilliSecondsToSeconds(1999)).toBe(1);
  });

  it('fails loudly on what it does not implement', () => {
    expect(() => (util as unknown as Record<string, unknown>).dynamodb).toThrow(/util.dynamodb is not available/);
    expect(() => (util.time as unknown as Record<string, unknown>).nowFormatted).toThrow(/not available/);
  });

  it('ResolverError is an Error', () => {
    expect(new ResolverError('x')).toBeInstanceOf(Error);
  });
});
