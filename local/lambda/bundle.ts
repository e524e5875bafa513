import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { FUNCTION_ESBUILD, functionBuildOptions } from '../../infra/functionSettings';

/**
 * Each function as Lambda gets it: `functions/<name>.ts` bundled with the esbuild settings CDK
 * deploys with (infra/functionSettings.ts), plus the local runtime (bootstrap.ts) and a source map
 * beside it, so stack traces name the TypeScript lines. Built once per function and process, and
 * kept in node_modules/.cache with the list of its inputs: a later process (the next test file)
 * reuses it while no input has changed, since bundling the SDK costs seconds and a stack start
 * should not. The worker loads it from a file, as the bundle's `createRequire(import.meta.url)`
 * banner needs a file URL.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'auth-gateway-functions');
/** V8's compiled code of the bundles (Node's module compile cache), beside them: see local/lambda/workers.ts. */
export const COMPILE_CACHE = join(CACHE, 'compiled');
const built = new Map<string, Promise<string>>();

/**
 * What the bundle was built from: each project input's path, size and modification time, and the
 * settings. Packages count as one input, npm's record of what is installed: an install rewrites it.
 */
const INSTALLED = 'node_modules/.package-lock.json';

interface Manifest {
  settings: string;
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
    if (manifest.settings !== SETTINGS || !manifest.bytesIn) return undefined;
    const now = await Promise.all(manifest.inputs.map(([path]) => describe(path)));
    const same = now.every(([, size, mtime], i) => size === manifest.inputs[i]![1] && mtime === manifest.inputs[i]![2]);
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

/**
 * Builds the named functions in one esbuild call (one entry each, nothing shared between outputs,
 * so each equals a bundle of its own), which parses the SDK once for all of them.
 */
async function buildAll(names: readonly string[]): Promise<void> {
  const result = await build({
    entryPoints: Object.fromEntries(names.map((name) => [name, `${ENTRY}${name}`])),
    outdir: CACHE,
    outExtension: { '.js': '.mjs' },
    ...functionBuildOptions(),
    // In a file of its own, as CDK deploys it, with the sources' paths: the worker runs with
    // --enable-source-maps. Inline, the map tripled the bundle that every environment start reads
    // and compiles (about 60 ms more per start, as Node's parser scans the comment too).
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
  await mkdir(CACHE, { recursive: true });
  for (const name of names) {
    const file = join(CACHE, `${name}.mjs`);
    const output = result.outputFiles.find((out) => out.path === file)!;
    const meta = Object.entries(result.metafile.outputs).find(([path]) => resolve(ROOT, path) === file)![1];
    // The map first: a bundle is never in place without the map it names.
    await writeAtomic(`${file}.map`, result.outputFiles.find((out) => out.path === `${file}.map`)!.contents);
    await writeAtomic(file, output.contents);
    const inputs = await Promise.all(
      Object.keys(meta.inputs)
        .filter((path) => !path.startsWith('gateway-function:') && !path.includes('node_modules/'))
        .concat(INSTALLED)
        .map(describe),
    );
    const bytesIn = Object.fromEntries(Object.entries(meta.inputs).map(([path, input]) => [path, input.bytesInOutput]));
    await writeAtomic(join(CACHE, `${name}.json`), JSON.stringify({ settings: SETTINGS, inputs, bytesIn } satisfies Manifest));
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
  /** The bundle's path. */
  file: string;
  /** What each input put in it, in bytes, by path (`node_modules/…` for packages, `gateway-function:<name>` for the entry). */
  bytesIn: Readonly<Record<string, number>>;
}

/** The function's bundle, built on first use, and what went into it: for tests of what Lambda loads. */
export async function bundleContents(name: string): Promise<BundleContents> {
  const file = await functionBundle(name);
  const manifest = JSON.parse(await readFile(join(CACHE, `${name}.json`), 'utf8')) as Manifest;
  return { file, bytesIn: manifest.bytesIn };
}
