import { build, type BuildOptions, type Metafile } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { functionBuildOptions } from '../infra/functionSettings';

/**
 * Builds function bundles outside CDK with the esbuild settings `cdk synth` passes for every
 * function (FUNCTION_ESBUILD in infra/functionSettings.ts), so a bench or a test measures what Lambda
 * runs without synthesising the stack. One esbuild call with one entry per function: entries share
 * nothing (no code splitting), so each output equals the bundle CDK stages for that function.
 */

export const ROOT = resolve(import.meta.dirname, '..');
const FUNCTIONS = join(ROOT, 'functions');

/** Every Lambda handler: `functions/<name>.ts`. */
export function functionNames(): string[] {
  return readdirSync(FUNCTIONS)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => basename(file, '.ts'))
    .sort();
}

function esbuildOptions(): BuildOptions {
  return {
    ...functionBuildOptions(),
    sourcemap: false,
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
    metafile: true,
  };
}

/** Bundles each entry to `<outdir>/<name>.mjs`; answers the metafile. */
export async function bundle(entries: Record<string, string>, outdir: string): Promise<Metafile> {
  // Entries written outside the project (the bench's floors) resolve packages from its node_modules.
  const nodePaths = [join(ROOT, 'node_modules')];
  const result = await build({ ...esbuildOptions(), entryPoints: entries, outdir, absWorkingDir: ROOT, nodePaths });
  return result.metafile!;
}

/** Bundles the named functions, as Lambda receives them. */
export function bundleFunctions(names: string[], outdir: string): Promise<Metafile> {
  return bundle(Object.fromEntries(names.map((name) => [name, join(FUNCTIONS, `${name}.ts`)])), outdir);
}

/** The project's own source files (not node_modules) that went into one output bundle. */
export function projectSourcesOf(metafile: Metafile, outfile: string): string[] {
  const output = Object.entries(metafile.outputs).find(([path]) => resolve(ROOT, path) === resolve(outfile));
  if (!output) throw new Error(`No output ${outfile} in the metafile.`);
  return Object.keys(output[1].inputs).filter((path) => !path.includes('node_modules'));
}

/**
 * The values a function imports from `@aws-sdk/*` packages (clients, commands), per package,
 * read from its own source and every project file bundled with it. Type-only imports are left out:
 * they cost nothing at run time.
 */
export function sdkImportsOf(sources: string[]): Map<string, Set<string>> {
  const imports = new Map<string, Set<string>>();
  for (const source of sources) {
    const text = readFileSync(resolve(ROOT, source), 'utf8');
    for (const match of text.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s*from\s*'(@aws-sdk\/[^']+)'/g)) {
      if (match[1]) continue;
      const names = match[2]!
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name && !name.startsWith('type '))
        .map((name) => name.split(/\s+as\s+/)[0]!);
      const set = imports.get(match[3]!) ?? new Set<string>();
      for (const name of names) set.add(name);
      if (set.size) imports.set(match[3]!, set);
    }
  }
  return imports;
}

/** An entry importing only these SDK values: the smallest bundle that can make the same calls. */
export function floorEntry(imports: Map<string, Set<string>>): string {
  const lines: string[] = [];
  const values: string[] = [];
  for (const [pkg, names] of [...imports].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`import { ${[...names].sort().join(', ')} } from '${pkg}';`);
    values.push(...names);
  }
  lines.push(`export const sdk = [${values.sort().join(', ')}];`);
  return `${lines.join('\n')}\n`;
}
