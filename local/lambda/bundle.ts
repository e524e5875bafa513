import { build, type Metafile } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { FUNCTION_ESBUILD, functionBuildOptions } from '../../infra/functionSettings';

/**
 * Each function as Lambda gets it: `functions/<name>.ts` built with the esbuild settings CDK
 * deploys with (infra/functionSettings.ts), plus the local runtime (bootstrap.ts) and a source map
 * beside each file, so stack traces name the TypeScript lines. Built once per function and process,
 * and kept in node_modules/.cache with the list of its inputs: a later process (the next test file)
 * reuses it while no input has changed, since bundling the SDK costs seconds and a stack start
 * should not. The worker loads it from a file, as the `createRequire(import.meta.url)` banner needs
 * a file URL.
 *
 * One difference from the deployed bundle, in layout only: functions built together share chunks
 * (esbuild's code splitting) instead of each carrying its own copy of the SDK. A function loads
 * the same modules and runs the same code; a module several functions use keeps what any of them
 * uses. Self-contained bundles link the SDK once per function (about 16 s of CPU for all of them);
 * the shared build takes about 4 s, and an environment start reads less. The deployed bundles
 * themselves are measured by `npm run bench:functions` and test/infra/bundling.test.ts.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'auth-gateway-functions');
/** V8's compiled code of the bundles (Node's module compile cache), beside them: see local/lambda/workers.ts. */
export const COMPILE_CACHE = join(CACHE, 'compiled');
/** Where the code functions share goes, under the cache. */
const CHUNKS = 'chunks';
const built = new Map<string, Promise<string>>();

/**
 * What the bundle was built from: each project input's path, size and modification time, and the
 * settings. Packages count as one input, npm's record of what is installed: an install rewrites it.
 */
const INSTALLED = 'node_modules/.package-lock.json';

interface Manifest {
  settings: string;
  /** The files the function loads, relative to the cache: its entry first, then its chunks. */
  files: string[];
  inputs: Array<[path: string, size: number, mtimeMs: number]>;
  /** What each input, packages' files included, put in the bundle (esbuild's bytesInOutput). */
  bytesIn: Record<string, number>;
}

const SETTINGS = createHash('sha256').update(JSON.stringify(FUNCTION_ESBUILD)).digest('hex');

async function describe(path: string): Promise<[string, number, number]> {
  const info = await stat(resolve(ROOT, path));
  return [path, info.size, info.mtimeMs];
}

/** The cached bundle's path when every input is as it was when it was built. */
async function cached(name: string): Promise<string | undefined> {
  try {
    const manifest = JSON.parse(await readFile(join(CACHE, `${name}.json`), 'utf8')) as Manifest;
    if (manifest.settings !== SETTINGS || !manifest.files) return undefined;
    const now = await Promise.all(manifest.inputs.map(([path]) => describe(path)));
    const same = now.every(([, size, mtime], i) => size === manifest.inputs[i]![1] && mtime === manifest.inputs[i]![2]);
    // A chunk removed by hand fails the check too: stat throws.
    await Promise.all(manifest.files.map((file) => stat(join(CACHE, file))));
    return same ? join(CACHE, `${name}.mjs`) : undefined;
  } catch {
    return undefined;
  }
}

/** Written under a temporary name, then renamed: test files starting stacks at once never read half a bundle. */
async function writeAtomic(file: string, contents: string | Uint8Array): Promise<void> {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(temp, contents, { mode: 0o600 });
  await rename(temp, file);
}

const ENTRY = 'gateway-function:';

/** The outputs `entry` loads, itself first: every chunk it imports, statically or lazily, and theirs. */
function outputsOf(outputs: Metafile['outputs'], entry: string): string[] {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const imported of outputs[path]!.imports) if (!imported.external) visit(imported.path);
  };
  visit(entry);
  return [...seen];
}

/**
 * Builds the named functions in one esbuild call, one entry each, with the code they share in
 * chunks: see the top of this file.
 */
async function buildAll(names: readonly string[]): Promise<void> {
  const started = Date.now();
  const result = await build({
    entryPoints: Object.fromEntries(names.map((name) => [name, `${ENTRY}${name}`])),
    outdir: CACHE,
    outExtension: { '.js': '.mjs' },
    ...functionBuildOptions(),
    splitting: true,
    chunkNames: `${CHUNKS}/[name]-[hash]`,
    // In a file of its own, as CDK deploys it, with the sources' paths: the worker runs with
    // --enable-source-maps. Inline, the map tripled what every environment start reads and
    // compiles (about 60 ms more per start, as Node's parser scans the comment too).
    sourcemap: 'linked',
    sourcesContent: FUNCTION_ESBUILD.sourcesContent,
    absWorkingDir: ROOT,
    write: false,
    metafile: true,
    logLevel: 'warning',
    plugins: [
      {
        name: 'gateway-function-entries',
        setup(plugin) {
          plugin.onResolve({ filter: new RegExp(`^${ENTRY}`) }, (args) => ({ path: args.path.slice(ENTRY.length), namespace: 'gateway-function' }));
          // The handler with the local runtime around it.
          plugin.onLoad({ filter: /.*/, namespace: 'gateway-function' }, (args) => ({
            contents: `import { handler } from './functions/${args.path}.ts';\nimport { serve } from './local/lambda/bootstrap.ts';\nserve(handler);\n`,
            resolveDir: ROOT,
            loader: 'ts',
          }));
        },
      },
    ],
  });
  await mkdir(join(CACHE, CHUNKS), { recursive: true });
  const entries = new Set(names.map((name) => join(CACHE, `${name}.mjs`)));
  // Chunks and maps before entries: an entry is never in place without what it imports.
  const last = (path: string) => entries.has(path);
  for (const output of [...result.outputFiles].sort((a, b) => Number(last(a.path)) - Number(last(b.path)))) {
    await writeAtomic(output.path, output.contents);
  }
  const outputs = result.metafile.outputs;
  for (const name of names) {
    const entry = Object.keys(outputs).find((path) => resolve(ROOT, path) === join(CACHE, `${name}.mjs`))!;
    const files = outputsOf(outputs, entry);
    const bytesIn: Record<string, number> = {};
    for (const file of files) {
      for (const [path, input] of Object.entries(outputs[file]!.inputs)) bytesIn[path] = (bytesIn[path] ?? 0) + input.bytesInOutput;
    }
    const inputs = await Promise.all(
      Object.keys(bytesIn)
        .filter((path) => !path.startsWith('gateway-function:') && !path.includes('node_modules/'))
        .concat(INSTALLED)
        .map(describe),
    );
    const manifest: Manifest = { settings: SETTINGS, files: files.map((file) => relative(CACHE, resolve(ROOT, file))), inputs, bytesIn };
    await writeAtomic(join(CACHE, `${name}.json`), JSON.stringify(manifest));
  }
  await pruneChunks(started);
}

/**
 * Removes the chunks (and their maps) no function's manifest names any more, which a rebuild after
 * a source change leaves behind. Only those written before this build started: a build running
 * beside it in another process may not have written its manifests yet.
 */
export async function pruneChunks(before: number): Promise<void> {
  const manifests = (await readdir(CACHE)).filter((file) => file.endsWith('.json'));
  const named = new Set<string>();
  for (const file of manifests) {
    try {
      for (const path of (JSON.parse(await readFile(join(CACHE, file), 'utf8')) as Manifest).files ?? []) named.add(path);
    } catch {
      // Being rewritten by another process: its chunks are newer than `before` anyway.
    }
  }
  for (const file of await readdir(join(CACHE, CHUNKS))) {
    const path = join(CHUNKS, file);
    if (named.has(path.replace(/\.map$/, ''))) continue;
    const info = await stat(join(CACHE, path)).catch(() => undefined);
    if (info && info.mtimeMs < before) await rm(join(CACHE, path), { force: true });
  }
}

/**
 * Finds each bundle in the cache or builds the missing ones together; `built` then holds them all.
 * `onBuild` hears how many need building before that starts (seconds, after a source change).
 */
export async function prepareBundles(names: readonly string[], onBuild?: (count: number) => void): Promise<void> {
  const wanted = names.filter((name) => !built.has(name));
  const hits = await Promise.all(wanted.map(cached));
  const stale = wanted.filter((_, i) => !hits[i]);
  if (stale.length > 0) onBuild?.(stale.length);
  const building = stale.length > 0 ? buildAll(stale) : Promise.resolve();
  wanted.forEach((name, i) => {
    const file = hits[i] ? Promise.resolve(hits[i]!) : building.then(() => join(CACHE, `${name}.mjs`));
    built.set(name, file);
    // A failed build is not kept: the next invocation tries again (after the source is fixed).
    file.catch(() => built.delete(name));
  });
  await building;
}

/** The path of the function's bundle, built on first use. */
export async function functionBundle(name: string): Promise<string> {
  if (!built.has(name)) await prepareBundles([name]);
  return built.get(name)!;
}

export interface BundleContents {
  /** The entry's path, which the worker imports. */
  file: string;
  /** Every file the function loads: the entry, then its chunks. */
  files: string[];
  /** What each input put in them, in bytes, by path (`node_modules/…` for packages, `gateway-function:<name>` for the entry). */
  bytesIn: Readonly<Record<string, number>>;
}

/** The function's bundle, built on first use, and what went into it: for tests of what Lambda loads. */
export async function bundleContents(name: string): Promise<BundleContents> {
  const file = await functionBundle(name);
  const manifest = JSON.parse(await readFile(join(CACHE, `${name}.json`), 'utf8')) as Manifest;
  return { file, files: manifest.files.map((path) => join(CACHE, path)), bytesIn: manifest.bytesIn };
}
