import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Bundles `resolvers/<field>.ts` into the single ES module the APPSYNC_JS runtime takes.
 * `@aws-appsync/utils` stays an import: AppSync provides it (the local runtime provides a stand-in).
 */
export function bundleResolver(field: string): string {
  const result = buildSync({
    entryPoints: [`${root}/resolvers/${field}.ts`],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2020',
    platform: 'neutral',
    external: ['@aws-appsync/utils'],
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild produced no code for resolvers/${field}.ts`);
  return output.text;
}
