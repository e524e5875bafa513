import type { InitializeMiddleware, MetadataBearer, MiddlewareStack } from '@smithy/types';
import { AsyncLocalStorage } from 'node:async_hooks';
import { logger } from './logger';

/**
 * How long each backend call took, as a structured log field rather than a metric: by command it
 * would be dozens of custom metrics, while Logs Insights computes any percentile from the field
 * (README "Monitoring"). Only the service, the command, the duration and an AWS error name are
 * kept, never an input, an output or an error message.
 */
export interface AwsCall {
  service: 'Cognito' | 'S3' | 'SES';
  command: string;
  durationMs: number;
  /** The AWS exception name, when the call failed. */
  error?: string;
}

/** The calls of the operation running in this async context: requests served at once stay apart. */
const running = new AsyncLocalStorage<AwsCall[]>();

/** Runs one operation with its own list of backend calls. */
export function withAwsCalls<T>(run: () => Promise<T>): Promise<T> {
  return running.run([], run);
}

/** The backend calls the running operation made so far; undefined outside one. */
export function awsCallsSoFar(): AwsCall[] | undefined {
  const calls = running.getStore();
  return calls && [...calls];
}

function record(call: AwsCall): void {
  const calls = running.getStore();
  // Outside an operation (a Cognito trigger), each call is its own line.
  if (calls) calls.push(call);
  else logger.info('aws call', { awsCall: call });
}

/** Times every command a client sends, retries and signing included (the `initialize` step wraps them). */
function timing(service: AwsCall['service']): InitializeMiddleware<object, MetadataBearer> {
  return (next, context) => async (args) => {
    const started = performance.now();
    const command = (context.commandName ?? 'Unknown').replace(/Command$/, '');
    try {
      const answer = await next(args);
      // A presigned URL goes through the stack without a request: nothing was called.
      if (!('presigned' in answer.output)) record({ service, command, durationMs: Math.round(performance.now() - started) });
      return answer;
    } catch (err) {
      const error = (err as { name?: unknown } | null)?.name;
      record({ service, command, durationMs: Math.round(performance.now() - started), error: typeof error === 'string' ? error : 'Error' });
      throw err;
    }
  };
}

/** Adds the timing to a client built in cognito.ts, s3.ts or ses.ts. */
export function timeAwsCalls<C extends { middlewareStack: MiddlewareStack<any, any> }>(client: C, service: AwsCall['service']): C {
  client.middlewareStack.add(timing(service), { step: 'initialize', name: 'gatewayCallTiming', override: true });
  return client;
}
