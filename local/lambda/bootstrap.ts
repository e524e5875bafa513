import { parentPort } from 'node:worker_threads';
import type { Context } from 'aws-lambda';
import { lambdaContext, overTheWire, type InvocationIdentity } from './context';

/**
 * The runtime around one function inside its worker, as Lambda's runtime is around the deployed
 * handler: it takes one event at a time from the parent, gives the handler a Lambda context and
 * sends back what crosses the wire (JSON) or the error's name and message. Bundled with the
 * handler (local/lambda/bundle.ts), so the worker runs plain JavaScript.
 */

export interface InvokeMessage extends InvocationIdentity {
  id: number;
  event: unknown;
  /** Milliseconds left of the function's timeout. */
  timeoutMs: number;
  /** The stack's time, in epoch milliseconds: the function's clock follows it. */
  now: number;
}

export type InvokeReply = { id: number; result: unknown } | { id: number; error: { name: string; message: string } };

type Handler = (event: unknown, context: Context) => unknown;

/**
 * Lambda's clock and AWS's agree; offline, the services follow the stack's clock (tests move it),
 * so the function's Date follows it too: each event sets the offset.
 */
let offset = 0;
const RealDate = Date;
class StackDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) super(RealDate.now() + offset);
    else super(...(args as [number]));
  }
  static override now(): number {
    return RealDate.now() + offset;
  }
}
globalThis.Date = StackDate as DateConstructor;


export function serve(handler: Handler): void {
  const port = parentPort;
  if (!port) throw new Error('The function runtime runs in a worker thread.');
  port.on('message', (message: InvokeMessage) => {
    offset = message.now - RealDate.now();
    const deadline = RealDate.now() + message.timeoutMs;
    Promise.resolve()
      .then(() => {
        const { functionName, invokedFunctionArn, memoryLimitInMB, awsRequestId } = message;
        const context = lambdaContext({ functionName, invokedFunctionArn, memoryLimitInMB, awsRequestId }, () => deadline - RealDate.now());
        return handler(message.event, context);
      })
      .then(
        (result) => port.postMessage({ id: message.id, result: overTheWire(result) } satisfies InvokeReply),
        (err: unknown) => {
          const { name = 'Error', message: text = String(err) } = (err ?? {}) as { name?: string; message?: string };
          port.postMessage({ id: message.id, error: { name, message: text } } satisfies InvokeReply);
        },
      );
  });
}
