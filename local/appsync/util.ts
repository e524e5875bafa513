import { randomUUID } from 'node:crypto';

/**
 * The local stand-in for `@aws-appsync/utils`: the part of the APPSYNC_JS `util`, `runtime` and
 * `extensions` objects that resolvers here can use, behaving as AppSync documents it. Anything
 * else fails loudly rather than behaving differently from AppSync.
 */

/** util.error / util.appendError / util.unauthorized: becomes one entry of the response's `errors`. */
export class ResolverError extends Error {
  override name = 'ResolverError';
  constructor(
    message: string,
    readonly errorType: string | null = null,
    readonly data: unknown = null,
    readonly errorInfo: unknown = null,
  ) {
    super(message);
  }
}

/** runtime.earlyReturn: ends the handler and makes `value` the field's result. */
export class EarlyReturn {
  constructor(readonly value: unknown) {}
}

/** What util needs to know about the handler running now. */
export interface Evaluation {
  fieldName: string;
  parentTypeName: string;
  /** util.appendError entries, reported after the field resolves. */
  appended: ResolverError[];
}

let current: Evaluation | undefined;

/** Runs one request or response handler; handlers are synchronous, so one slot is enough. */
export function evaluate<T>(evaluation: Evaluation, handler: () => T): T {
  const previous = current;
  current = evaluation;
  try {
    return handler();
  } finally {
    current = previous;
  }
}

function running(what: string): Evaluation {
  if (!current) throw new Error(`${what} can only be called inside a resolver's request or response handler.`);
  return current;
}

/** Anything not implemented here throws instead of quietly returning undefined. */
function strict<T extends object>(name: string, implemented: T): T {
  return new Proxy(implemented, {
    get(target, key, receiver) {
      if (typeof key === 'symbol' || key in target) return Reflect.get(target, key, receiver);
      throw new Error(`${name}.${key} is not available in the local AppSync runtime.`);
    },
  });
}

const time = strict('util.time', {
  nowISO8601: () => new Date().toISOString(),
  nowEpochSeconds: () => Math.floor(Date.now() / 1000),
  nowEpochMilliSeconds: () => Date.now(),
  parseISO8601ToEpochMilliSeconds: (timestamp: string) => {
    const ms = Date.parse(timestamp);
    if (Number.isNaN(ms)) throw new Error(`util.time: \`${timestamp}\` is not an ISO 8601 date and time.`);
    return ms;
  },
  epochMilliSecondsToSeconds: (ms: number) => Math.floor(ms / 1000),
  epochMilliSecondsToISO8601: (ms: number) => new Date(ms).toISOString(),
});

export const util = strict('util', {
  error(message: string, errorType?: string, data?: unknown, errorInfo?: unknown): never {
    throw new ResolverError(message, errorType ?? null, data ?? null, errorInfo ?? null);
  },
  appendError(message: string, errorType?: string, data?: unknown, errorInfo?: unknown): void {
    running('util.appendError').appended.push(new ResolverError(message, errorType ?? null, data ?? null, errorInfo ?? null));
  },
  unauthorized(): never {
    const { fieldName, parentTypeName } = running('util.unauthorized');
    throw new ResolverError(`Not Authorized to access ${fieldName} on type ${parentTypeName}`, 'Unauthorized');
  },
  autoId: () => randomUUID(),
  /** Java's Pattern.matches: the whole value must match. */
  matches: (pattern: string, value: string) => new RegExp(`^(?:${pattern})$`).test(value),
  authType: () => 'API Key Authorization',
  base64Encode: (value: string) => Buffer.from(value, 'utf8').toString('base64'),
  base64Decode: (value: string) => Buffer.from(value, 'base64').toString('utf8'),
  /** application/x-www-form-urlencoded, as Java's URLEncoder writes it. */
  urlEncode: (value: string) => new URLSearchParams({ v: value }).toString().slice(2),
  urlDecode: (value: string) => new URLSearchParams(`v=${value}`).get('v') ?? '',
  time,
});

export const runtime = strict('runtime', {
  earlyReturn(value?: unknown): never {
    throw new EarlyReturn(value ?? null);
  },
});

/** Caching and subscription extensions have no local counterpart. */
export const extensions = strict('extensions', {});
