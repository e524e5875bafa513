import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The one logger. Call sites log metadata only (field names, error names, durations): never an
 * event, an argument, a token, a session, a code or an AWS error message.
 */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'auth-gateway' });

/** Stack frames without the message line, which may quote input. */
export function framesOf(err: unknown): string | undefined {
  return err instanceof Error ? err.stack?.split('\n').slice(1).join('\n') : undefined;
}
