import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FUNCTION_MEMORY_MB } from '../../lambdaLimits';
import { FUNCTION_TIMEOUT_MS, trackAsync, type FunctionRuntime, type Invocation } from '../appsync/lambda';
import type { InvokeMessage, InvokeReply } from './bootstrap';
import { overTheWire } from './context';
import { COMPILE_CACHE, functionBundle, prepareBundles } from './bundle';

/**
 * Functions run as on Lambda: each in its own worker thread (an execution environment) with its
 * own process.env, the one CDK gives the function plus its own access key, so no two functions
 * share settings or credentials and nothing in this process's environment is changed. An
 * environment stays warm for the next event and takes one event at a time; concurrent events
 * start more. A timeout ends the environment, as Lambda ends the sandbox.
 * https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html
 */

export interface WorkerRuntimeOptions {
  /** The environment variables function `name` runs with. */
  environmentOf(name: string): Record<string, string>;
  /** The stack's clock, which the functions' Date follows; the real clock when absent. */
  clock?: { now(): Date };
  region: string;
  accountId: string;
  /** More events than this for one function at once wait for a free environment. */
  maxInstancesPerFunction?: number;
}

interface Instance {
  worker: Worker;
  /** Settles the event in progress; undefined while idle. */
  current?: (reply: InvokeReply | { crashed: Error }) => void;
  /** The environment changed while busy: end it after this event. */
  retire?: boolean;
}

const DEFAULT_MAX_INSTANCES = 4;

/**
 * What a worker runs first: it turns on Node's module compile cache, then imports the bundle.
 * Compiling a bundle (the SDK included) was most of an environment's start, and every stack starts
 * its own; with the cache, V8 reuses the code compiled by an earlier start of the same bundle, and
 * a changed bundle is compiled anew. The cache is written once the bundle has loaded, as a worker
 * ended by terminate() would not write it. Node before 22.1 has no cache and skips it.
 * https://nodejs.org/api/module.html#module-compile-cache
 */
const LOADER = `const { enableCompileCache, flushCompileCache } = require('node:module');
const { workerData } = require('node:worker_threads');
enableCompileCache?.(workerData.compileCache);
import(workerData.bundle).then(() => flushCompileCache?.());`;

export class WorkerFunctionRuntime implements FunctionRuntime {
  private readonly idle = new Map<string, Instance[]>();
  private readonly all = new Map<string, Set<Instance>>();
  private readonly waiting = new Map<string, Array<() => void>>();
  private nextId = 0;
  private closed = false;

  constructor(private readonly options: WorkerRuntimeOptions) {}

  invoke = async (name: string, payload: unknown, timeoutMs = FUNCTION_TIMEOUT_MS): Promise<Invocation> => {
    let instance: Instance | undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      instance = await this.acquire(name);
      const functionName = `local-${name}`;
      const message: InvokeMessage = {
        id: ++this.nextId,
        event: overTheWire(payload),
        functionName,
        awsRequestId: randomUUID(),
        invokedFunctionArn: `arn:aws:lambda:${this.options.region}:${this.options.accountId}:function:${functionName}`,
        memoryLimitInMB: String(FUNCTION_MEMORY_MB),
        timeoutMs,
        now: (this.options.clock?.now() ?? new Date()).getTime(),
      };
      const busy = instance;
      const reply = await new Promise<InvokeReply | { crashed: Error }>((resolve) => {
        busy.current = resolve;
        timer = setTimeout(() => resolve({ crashed: new Error(`Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`) }), timeoutMs);
        busy.worker.postMessage(message);
      });
      if ('result' in reply) return { result: reply.result };
      const error = 'crashed' in reply ? { name: 'Error', message: reply.crashed.message } : reply.error;
      if ('crashed' in reply) this.end(name, busy);
      // What the function's log would show on CloudWatch: which function failed and why, never the event.
      console.error(`functions/${name}.ts failed: ${error.name}: ${error.message}`);
      return { result: null, error: { message: error.message, type: 'Lambda:Unhandled' } };
    } catch (err) {
      const { name: errorName = 'Error', message = String(err) } = (err ?? {}) as { name?: string; message?: string };
      console.error(`functions/${name}.ts failed: ${errorName}: ${message}`);
      return { result: null, error: { message, type: 'Lambda:Unhandled' } };
    } finally {
      clearTimeout(timer);
      if (instance) this.release(name, instance);
    }
  };

  invokeAsync = (name: string, payload: unknown, timeoutMs = FUNCTION_TIMEOUT_MS): void => {
    trackAsync(name, () => this.invoke(name, payload, timeoutMs));
  };

  /** Builds (or finds in the cache) every bundle now, so no first event waits for esbuild. */
  async prepare(names: readonly string[], onBuild?: (count: number) => void): Promise<void> {
    await prepareBundles(names, onBuild);
  }

  /** Ends every idle environment and marks busy ones to end after their event: the next events start fresh ones, with fresh settings. */
  recycle(): void {
    for (const [name, instances] of this.all) {
      for (const instance of instances) {
        if (instance.current) instance.retire = true;
        else this.end(name, instance);
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const ending = [...this.all.values()].flatMap((set) => [...set]).map((instance) => instance.worker.terminate());
    this.all.clear();
    this.idle.clear();
    await Promise.all(ending);
  }

  private async acquire(name: string): Promise<Instance> {
    for (;;) {
      if (this.closed) throw new Error('The local function runtime has stopped.');
      const ready = this.idle.get(name)?.pop();
      if (ready) return ready;
      const count = this.all.get(name)?.size ?? 0;
      if (count < (this.options.maxInstancesPerFunction ?? DEFAULT_MAX_INSTANCES)) return this.start(name);
      await new Promise<void>((resolve) => {
        const queue = this.waiting.get(name) ?? [];
        queue.push(resolve);
        this.waiting.set(name, queue);
      });
    }
  }

  private async start(name: string): Promise<Instance> {
    const set = this.all.get(name) ?? new Set<Instance>();
    this.all.set(name, set);
    // Counted before the bundle is ready, so a burst does not start more than the limit.
    const instance = { worker: undefined as unknown as Worker } as Instance;
    set.add(instance);
    try {
      const file = await functionBundle(name);
      instance.worker = new Worker(LOADER, {
        eval: true,
        workerData: { bundle: pathToFileURL(file).href, compileCache: COMPILE_CACHE },
        env: this.options.environmentOf(name),
        execArgv: ['--enable-source-maps'],
        resourceLimits: { maxOldGenerationSizeMb: FUNCTION_MEMORY_MB },
      });
    } catch (err) {
      set.delete(instance);
      this.wake(name);
      throw err;
    }
    instance.worker.on('message', (reply: InvokeReply) => instance.current?.(reply));
    // An uncaught exception or a failed import ends the environment, as Lambda's runtime exits.
    instance.worker.on('error', (err: Error) => {
      instance.current?.({ crashed: err });
      this.end(name, instance);
    });
    instance.worker.on('exit', () => {
      instance.current?.({ crashed: new Error('Runtime exited without providing a reason') });
      this.end(name, instance);
    });
    return instance;
  }

  private release(name: string, instance: Instance): void {
    instance.current = undefined;
    if (!this.all.get(name)?.has(instance)) return this.wake(name);
    if (instance.retire || this.closed) {
      this.end(name, instance);
      return;
    }
    const idle = this.idle.get(name) ?? [];
    idle.push(instance);
    this.idle.set(name, idle);
    this.wake(name);
  }

  private end(name: string, instance: Instance): void {
    if (!this.all.get(name)?.delete(instance)) return;
    const idle = this.idle.get(name);
    if (idle) this.idle.set(name, idle.filter((other) => other !== instance));
    void instance.worker?.terminate();
    this.wake(name);
  }

  private wake(name: string): void {
    this.waiting.get(name)?.shift()?.();
  }
}
