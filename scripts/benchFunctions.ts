import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { bundle, bundleFunctions, floorEntry, functionNames, projectSourcesOf, sdkImportsOf } from './functionBundles';
import { median } from './stats';

/**
 * `npm run bench:functions`: how much each Lambda bundle carries beyond the AWS SDK calls it
 * makes. Builds every function and its floor (an entry importing only the SDK clients and commands
 * the function's own code imports) with the esbuild settings CDK uses, then prints bytes, floor
 * bytes and their ratio, and the median time to import each bundle in fresh Node processes, timed
 * inside the process (so Node's own start-up is left out) against the floor's. Target: ≤ 1.15×
 * the floor's bytes and ≤ 1.10× its import time. Exits 1 if a function misses it.
 */

const TARGET_BYTES = 1.15;
const TARGET_IMPORT = 1.1;

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const RUNS = Math.max(15, Number(values.runs));

/** Milliseconds one fresh Node process takes to import the module, measured inside it. */
function importMs(file: string): number {
  const script = 'const t=performance.now();await import(process.argv[1]);process.stdout.write(String(performance.now()-t));';
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script, pathToFileURL(file).href], {
    encoding: 'utf8',
    env: { ...process.env, AWS_REGION: process.env.AWS_REGION ?? 'eu-west-1', POWERTOOLS_LOG_LEVEL: 'SILENT' },
  });
  if (child.status !== 0) throw new Error(`Importing ${file} failed: ${child.stderr}`);
  return Number(child.stdout);
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

    console.log(`Import time: median of ${RUNS} fresh Node processes each, bundle and floor interleaved.\n`);
    const header = ['function', 'bytes', 'floor', 'ratio', 'import ms', 'floor ms', 'ratio', 'target'];
    const rows: string[][] = [];
    const missed: string[] = [];
    const totals = { bytes: 0, floor: 0 };
    for (const name of names) {
      const file = join(out, 'functions', `${name}.mjs`);
      const floor = join(out, 'floors', `${name}.mjs`);
      const bytes = statSync(file).size;
      const floorBytes = statSync(floor).size;
      const times: number[] = [];
      const floorTimes: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        times.push(importMs(file));
        floorTimes.push(importMs(floor));
      }
      const byteRatio = bytes / floorBytes;
      const importRatio = median(times) / median(floorTimes);
      // A function that makes no SDK call (a Cognito trigger that only formats text) has no floor to compare with.
      const hasFloor = sdkImports[name]!.size > 0;
      const meets = byteRatio <= TARGET_BYTES && importRatio <= TARGET_IMPORT;
      if (hasFloor && !meets) missed.push(name);
      const verdict = !hasFloor ? 'no SDK' : meets ? 'meets' : 'misses';
      totals.bytes += bytes;
      totals.floor += floorBytes;
      rows.push([name, kb(bytes), kb(floorBytes), fixed(byteRatio), fixed(median(times), 1), fixed(median(floorTimes), 1), fixed(importRatio), verdict]);
      console.error(`  ${name} done`);
    }
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
    const line = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
    console.log(line(header));
    for (const row of rows) console.log(line(row));
    console.log(`\nTotal ${kb(totals.bytes)} over floors of ${kb(totals.floor)}.`);
    const measured = names.filter((name) => sdkImports[name]!.size > 0).length;
    console.log(`Target ≤ ${TARGET_BYTES}× bytes and ≤ ${TARGET_IMPORT}× import time: ${measured - missed.length} of ${measured} meet it.`);
    if (missed.length) {
      console.log(`Missing it: ${missed.join(', ')}.`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

await main();
