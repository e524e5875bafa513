import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { WorkerFunctionRuntime } from '../local/lambda/workers';
import { startStack } from '../local/stack';
import { median } from './stats';

/**
 * `npm run bench:local`: what running each function in its own worker costs the offline stack.
 * Per run: the time to start a stack (function bundles already cached), then for a few functions
 * the first invocation (a cold worker: loading the bundle) and the second (warm), invoked
 * directly with an empty event so only the runtime is measured. Prints medians over the runs.
 */

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Math.max(1, Number(values.runs));
/** Functions of three sizes (login draws QR codes; adminListUsers is an admin call), each a Lambda function. */
const FUNCTIONS = ['logout', 'login', 'confirmMfa', 'adminListUsers'];

const starts: number[] = [];
const cold = new Map<string, number[]>(FUNCTIONS.map((name) => [name, []]));
const warm = new Map<string, number[]>(FUNCTIONS.map((name) => [name, []]));

for (let run = 0; run < RUNS; run++) {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-local-'));
  const started = performance.now();
  const stack = await startStack({ dataDir, ports: { graphql: 0, cognito: 0, s3: 0, ses: 0 } });
  starts.push(performance.now() - started);
  const runtime = new WorkerFunctionRuntime({
    // The stack's own environments, METRICS_DISABLED included: no EMF line per sample (admin calls still print their audit record).
    environmentOf: stack.functions.environmentOf,
    region: stack.info.region,
    accountId: '000000000000',
  });
  for (const name of FUNCTIONS) {
    for (const times of [cold, warm]) {
      const at = performance.now();
      await runtime.invoke(name, {});
      times.get(name)!.push(performance.now() - at);
    }
  }
  await runtime.close();
  await stack.close();
  await rm(dataDir, { recursive: true, force: true });
}

const ms = (values: number[]) => `${Math.round(median(values))} ms`;
console.log(`stack start: ${ms(starts)} (median of ${RUNS})`);
for (const name of FUNCTIONS) console.log(`${name}: cold ${ms(cold.get(name)!)}, warm ${ms(warm.get(name)!)}`);
