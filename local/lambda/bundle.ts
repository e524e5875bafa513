import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { FUNCTION_ESBUILD } from '../../infra/functionSettings';

/**
 * Each function as Lambda gets it: `functions/<name>.ts` bundled with the esbuild settings CDK
 * deploys with (infra/functionSettings.ts), plus the local runtime (bootstrap.ts) and an inline
 * source map, so stack traces name the TypeScript lines. Built once per function and process, and
 * kept in node_modules/.cache with the list of its inputs: a later process (the next test file)
 * reuses it while no input has changed, since bundling the SDK costs seconds and a stack start
 * should not. The worker loads it from a file, as the bundle's `createRequire(import.meta.url)`
 * banner needs a file URL.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'auth-gateway-functions');
const built = new Map<string, Promise<string>>();

/**
 * What the bundle was built from: each project input's path, size and modification time, and the
 * settings. Packages count as one input, npm's record of what is installed: an install rewrites it.
 */
const INSTALLED = 'node_modules/.package-lock.json';

interface Manifest {
  settings: string;
  inputs: Array<[path: string, size: number, mtimeMs: number]>;
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
    if (manifest.settings !== SETTINGS) return undefined;
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

async function bundle(name: string): Promise<string> {
  const hit = await cached(name);
  if (hit) return hit;
  const entry = [
    `import { handler } from './functions/${name}.ts';`,
    `import { serve } from './local/lambda/bootstrap.ts';`,
    'serve(handler);',
  ].join('\n');
  const sourcefile = `functions/${name}.runtime.ts`;
  const result = await build({
    stdin: { contents: entry, resolveDir: ROOT, sourcefile, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: FUNCTION_ESBUILD.format,
    target: FUNCTION_ESBUILD.target,
    mainFields: [...FUNCTION_ESBUILD.mainFields],
    external: [...FUNCTION_ESBUILD.external],
    minify: FUNCTION_ESBUILD.minify,
    banner: { js: FUNCTION_ESBUILD.banner },
    // Inline, with the sources' paths: the worker runs with --enable-source-maps.
    sourcemap: 'inline',
    sourcesContent: FUNCTION_ESBUILD.sourcesContent,
    absWorkingDir: ROOT,
    write: false,
    metafile: true,
    logLevel: 'warning',
  });
  await mkdir(CACHE, { recursive: true });
  const file = join(CACHE, `${name}.mjs`);
  await writeAtomic(file, result.outputFiles[0]!.contents);
  const inputs = await Promise.all(Object.keys(result.metafile.inputs).filter((path) => path !== sourcefile && !path.includes('node_modules/')).concat(INSTALLED).map(describe));
  await writeAtomic(join(CACHE, `${name}.json`), JSON.stringify({ settings: SETTINGS, inputs } satisfies Manifest));
  return file;
}

/** The path of the function's bundle, built on first use. */
export function functionBundle(name: string): Promise<string> {
  let file = built.get(name);
  if (!file) {
    file = bundle(name);
    built.set(name, file);
    // A failed build is not kept: the next invocation tries again (after the source is fixed).
    file.catch(() => built.delete(name));
  }
  return file;
}
