import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functionBuildOptions } from '../../../infra/functionSettings';

/**
 * framesOf in a real bundle, built with the functions' esbuild settings and a linked source map as
 * CDK stages it, run in a plain Node process without `--enable-source-maps`, as deployed.
 */

const SECRET = 'ada.secret@example.com';
let dir: string;
let bundle: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'frames-'));
  // A message over two lines: the second must not pass for a frame.
  writeFileSync(join(dir, 'thrower.ts'), `export function refuse(email: string): never {\n  throw new Error('no account\\n    for ' + email);\n}\n`);
  writeFileSync(
    join(dir, 'entry.ts'),
    `import { framesOf } from ${JSON.stringify(join(import.meta.dirname, '../../../functions/lib/frames'))};\n` +
      `import { refuse } from './thrower';\n` +
      `export function frames(): string | undefined {\n  try {\n    refuse(${JSON.stringify(SECRET)});\n  } catch (err) {\n    return framesOf(err);\n  }\n}\n`,
  );
  await build({ ...functionBuildOptions(), sourcemap: 'linked', sourcesContent: false, entryPoints: { index: join(dir, 'entry.ts') }, outdir: join(dir, 'out'), outExtension: { '.js': '.mjs' } });
  bundle = join(dir, 'out', 'index.mjs');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The frames the bundle logs, from a fresh Node process. */
function framesInNode(): string {
  const script = 'const m = await import(process.argv[1]); process.stdout.write(m.frames());';
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script, pathToFileURL(bundle).href], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  return child.stdout;
}

describe('framesOf', () => {
  it("names the TypeScript file and line of each of the project's frames, through the map beside the bundle", () => {
    const frames = framesInNode().split('\n');
    expect(frames[0]).toMatch(/^\s+at \S+ \(.*thrower\.ts:2:\d+\)$/);
    expect(frames[1]).toMatch(/entry\.ts:5:\d+\)$/);
    expect(frames.join('\n')).not.toContain('index.mjs:');
  });

  it('leaves out the message, which may quote input, even one over several lines', () => {
    const frames = framesInNode();
    expect(frames).not.toContain(SECRET);
    expect(frames).not.toContain('no account');
    expect(frames.trimStart().startsWith('at ')).toBe(true);
  });

  it('keeps the bundle positions when there is no map', () => {
    rmSync(`${bundle}.map`);
    const frames = framesInNode().split('\n');
    expect(frames[0]).toMatch(/index\.mjs:\d+:\d+\)$/);
    expect(frames.join('\n')).not.toContain('.ts:');
  });
});
