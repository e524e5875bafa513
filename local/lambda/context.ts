import { randomBytes } from 'node:crypto';
import type { Context } from 'aws-lambda';

/**
 * What the offline runtimes (in this process, local/appsync/lambda.ts; in a worker,
 * local/lambda/bootstrap.ts) hand a function as Lambda does: the event and result as JSON, and a
 * Lambda context. Kept free of any function import, so the worker bootstrap can bundle it.
 * https://docs.aws.amazon.com/lambda/latest/dg/nodejs-context.html
 */

/** A copy of what would cross the network: JSON only, `undefined` dropped. */
export function overTheWire(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

export interface InvocationIdentity {
  functionName: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string;
  awsRequestId: string;
}

/** The context of one invocation; `remainingMs` reads the time left before the function's timeout. */
export function lambdaContext(identity: InvocationIdentity, remainingMs: () => number): Context {
  const day = new Date().toISOString().slice(0, 10).replace(/-/g, '/');
  const unsupported = () => {
    throw new Error('Callback-style handlers are not supported: return a promise.');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    ...identity,
    functionVersion: '$LATEST',
    logGroupName: `/aws/lambda/${identity.functionName}`,
    logStreamName: `${day}/[$LATEST]${randomBytes(16).toString('hex')}`,
    getRemainingTimeInMillis: () => Math.max(0, remainingMs()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}
