import { config } from './config';

/**
 * The one logger: one JSON object per line, which CloudWatch Logs Insights reads field by field
 * (`filter field = "login"`). INFO and DEBUG go to stdout, WARN and ERROR to stderr; Lambda sends
 * both to the function's log group.
 * https://docs.aws.amazon.com/lambda/latest/dg/nodejs-logging.html
 *
 * Call sites log metadata only (field names, error names, durations): never an event, an argument,
 * a token, a session, a code or an AWS error message. A few lines rather than a logging library: a
 * library's bytes are compiled on every cold start of every function (`npm run bench:functions`).
 */

export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';
export type LogFields = Record<string, unknown>;

const RANKS: Record<LogLevel, number> = { DEBUG: 0, INFO: 1, WARN: 2, ERROR: 3, SILENT: 4 };

/** The level a `LOG_LEVEL` setting names (CDK sets INFO), in any case; anything else, or nothing, is INFO. */
export function logLevelOf(setting: string | undefined): LogLevel {
  const level = setting?.toUpperCase() ?? '';
  return level in RANKS ? (level as LogLevel) : 'INFO';
}

/** The X-Ray trace of the current invocation (Lambda sets `_X_AMZN_TRACE_ID` for each one), to find a line's trace. */
function traceId(): string | undefined {
  return process.env._X_AMZN_TRACE_ID?.match(/Root=([^;]+)/)?.[1];
}

function lineOf(level: LogLevel, message: string, fields: LogFields): string {
  const head = { level, message, timestamp: new Date().toISOString(), service: config.serviceName(), xray_trace_id: traceId() };
  const record: LogFields = { ...head };
  // A field never replaces what the line says of itself: its level, message, time, service or trace.
  for (const [key, value] of Object.entries(fields)) if (!Object.hasOwn(head, key)) record[key] = value;
  try {
    return JSON.stringify(record);
  } catch {
    // A cycle or a BigInt: the line still says what happened, without the fields.
    return JSON.stringify({ ...head, logError: 'fields not serializable' });
  }
}

let threshold = logLevelOf(process.env.LOG_LEVEL);

function write(level: Exclude<LogLevel, 'SILENT'>, message: string, fields: LogFields = {}): void {
  if (RANKS[level] < RANKS[threshold]) return;
  (RANKS[level] >= RANKS.WARN ? process.stderr : process.stdout).write(`${lineOf(level, message, fields)}\n`);
}

export const logger = {
  debug: (message: string, fields?: LogFields) => write('DEBUG', message, fields),
  info: (message: string, fields?: LogFields) => write('INFO', message, fields),
  warn: (message: string, fields?: LogFields) => write('WARN', message, fields),
  error: (message: string, fields?: LogFields) => write('ERROR', message, fields),
  /** Overrides `LOG_LEVEL` for the rest of the process (tests). */
  setLogLevel: (level: LogLevel) => {
    threshold = level;
  },
};
