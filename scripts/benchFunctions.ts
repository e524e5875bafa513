import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { bundle, bundleFunctions, floorEntry, functionNames, projectSourcesOf, sdkImportsOf } from './functionBundles';
import { median, quantile } from './stats';

/**
 * `npm run bench:functions`: how much each Lambda bundle carries beyond the AWS SDK calls it
 * makes. Builds every function and its floor (an entry importing only the SDK clients and commands
 * the function's own code imports) with the esbuild settings CDK uses, then prints bytes, floor
 * bytes and their ratio, and the median time to import each bundle in fresh Node processes, timed
 * inside the process (so Node's own start-up is left out) against the floor's. Target: ≤ 1.15×
 * the floor's bytes and ≤ 1.10× its import time. Exits 1 if a function misses it.
 *
 * On a shared machine one process can take twice as long as the next, and the load drifts over a
 * run. So the samples are taken in rounds: each round imports every function and its floor once,
 * back to back, which side first alternating from round to round. A function and its floor thus
 * see the same load, and drift spreads over every function alike instead of landing on the last
 * ones measured. Besides the ratio of the two medians (the target's measure), each row shows the
 * median of the per-round ratios and their interquartile range: how far one run can be trusted.
 */

const TARGET_BYTES = 1.15;
const TARGET_IMPORT = 1.1;

const { values } = parseArgs({ options: { runs: { type: 'string', default: '21' } } });
const RUNS = Math.max(15, Number(values.runs));

interface ImportTime {
  /** Wall-clock milliseconds: the target's measure. */
  wall: number;
  /** CPU milliseconds (user + system) of the process during the import: less moved by other processes' load. */
  cpu: number;
}

/** How long one fresh Node process takes to import the module, measured inside it. */
function importTime(file: string): ImportTime {
  const script =
    'const c=process.cpuUsage(),t=performance.now();await import(process.argv[1]);const w=performance.now()-t,u=process.cpuUsage(c);' +
    'process.stdout.write(JSON.stringify({wall:w,cpu:(u.user+u.system)/1000}));';
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script, pathToFileURL(file).href], {
    encoding: 'utf8',
    env: { ...process.env, AWS_REGION: process.env.AWS_REGION ?? 'eu-west-1', LOG_LEVEL: 'SILENT' },
  });
  if (child.status !== 0) throw new Error(`Importing ${file} failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as ImportTime;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const fixed = (n: number, digits = 2) => n.toFixed(digits);

async function main(): Promise<void> {
  const names = functionNames();
  const out = mkdtempSync(join(tmpdir(), 'bench-functions-'));
  try {
    const metafile = await bundleFunctions(names, join(out, 'functions'));
    const floors: Record<string, string> = {};
    const sdkImports: Record<string, Map<string, Set<string>>> = {};
    for (const name of names) {
      sdkImports[name] = sdkImportsOf(projectSourcesOf(metafile, join(out, 'functions', `${name}.mjs`)));
      floors[name] = join(out, `${name}.floor.ts`);
      writeFileSync(floors[name], floorEntry(sdkImports[name]));
    }
    await bundle(floors, join(out, 'floors'));

    const files = Object.fromEntries(names.map((name) => [name, { bundle: join(out, 'functions', `${name}.mjs`), floor: join(out, 'floors', `${name}.mjs`) }]));
    const samples = Object.fromEntries(names.map((name) => [name, { bundle: [] as ImportTime[], floor: [] as ImportTime[] }]));
    for (let round = 0; round < RUNS; round++) {
      for (const name of names) {
        const sides = round % 2 === 0 ? (['bundle', 'floor'] as const) : (['floor', 'bundle'] as const);
        for (const side of sides) samples[name]![side].push(importTime(files[name]![side]));
      }
      console.error(`  round ${round + 1} of ${RUNS} done`);
    }

    console.log(
      `Import time: median of ${RUNS} fresh Node processes each, in ${RUNS} rounds over every function, bundle and floor back to back.` +
        '\nround ratio: median of the per-round bundle/floor ratios [25th–75th percentile]. cpu ratio: the same medians in CPU time, for comparison.\n',
    );
    const header = ['function', 'bytes', 'floor', 'ratio', 'import ms', 'floor ms', 'ratio', 'round ratio [IQR]', 'cpu ratio', 'target'];
    const rows: string[][] = [];
    const missed: string[] = [];
    const totals = { bytes: 0, floor: 0 };
    const counts = { measured: 0, bytes: 0, import: 0, cpu: 0 };
    const spreads: number[] = [];
    for (const name of names) {
      const bytes = statSync(files[name]!.bundle).size;
      const floorBytes = statSync(files[name]!.floor).size;
      const times = samples[name]!.bundle.map((t) => t.wall);
      const floorTimes = samples[name]!.floor.map((t) => t.wall);
      const cpuRatio = median(samples[name]!.bundle.map((t) => t.cpu)) / median(samples[name]!.floor.map((t) => t.cpu));
      const byteRatio = bytes / floorBytes;
      const importRatio = median(times) / median(floorTimes);
      const roundRatios = times.map((ms, i) => ms / floorTimes[i]!);
      const [low, mid, high] = [0.25, 0.5, 0.75].map((q) => quantile(roundRatios, q)) as [number, number, number];
      // A function that makes no SDK call (a Cognito trigger that only formats text) has no floor to compare with.
      const hasFloor = sdkImports[name]!.size > 0;
      const meetsBytes = byteRatio <= TARGET_BYTES;
      const meetsImport = importRatio <= TARGET_IMPORT;
      if (hasFloor) {
        counts.measured += 1;
        if (meetsBytes) counts.bytes += 1;
        if (meetsImport) counts.import += 1;
        if (cpuRatio <= TARGET_IMPORT) counts.cpu += 1;
        if (!(meetsBytes && meetsImport)) missed.push(name);
        spreads.push(high - low);
      }
      const verdict = !hasFloor ? 'no SDK' : meetsBytes && meetsImport ? 'meets' : 'misses';
      totals.bytes += bytes;
      totals.floor += floorBytes;
      rows.push([
        name,
        kb(bytes),
        kb(floorBytes),
        fixed(byteRatio),
        fixed(median(times), 1),
        fixed(median(floorTimes), 1),
        fixed(importRatio),
        `${fixed(mid)} [${fixed(low)}–${fixed(high)}]`,
        fixed(cpuRatio),
        verdict,
      ]);
    }
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
    const line = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
    console.log(line(header));
    for (const row of rows) console.log(line(row));
    console.log(`\nTotal ${kb(totals.bytes)} over floors of ${kb(totals.floor)}.`);
    console.log(
      `Of the ${counts.measured} functions that call AWS: ${counts.bytes} meet ≤ ${TARGET_BYTES}× bytes, ${counts.import} meet ≤ ${TARGET_IMPORT}× import time, ` +
        `${counts.measured - missed.length} meet both (in CPU time, ${counts.cpu} meet ≤ ${TARGET_IMPORT}× import).`,
    );
    console.log(`Spread of the per-round import ratios (75th − 25th percentile): median ${fixed(median(spreads))}, widest ${fixed(Math.max(...spreads))}.`);
    if (missed.length) {
      console.log(`Missing it: ${missed.join(', ')}.`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

await main();
