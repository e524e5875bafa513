import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISOLATED } from '../vitest.config';

/**
 * Files of the shared project run in one process after one another, so a file that replaces a
 * module or a process-wide global would change what the next file runs against. A file that
 * replaces a module must be listed in ISOLATED (vitest.config.ts), which gives it a process of its
 * own; one that replaces a global keeps the original (`const realX = globalThis.X`) and puts it back.
 */
const root = join(import.meta.dirname, '..');
const REPLACES_MODULE = /\bvi\.(?:mock|doMock|stubGlobal)\(/;
const REPLACED_GLOBALS = /\bglobalThis\.(\w+)\s*=[^=]/g;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [relative(root, path)] : [];
  });
}

describe('test isolation', () => {
  it('gives every file that replaces a module a process of its own', () => {
    const replacing = testFiles(join(root, 'test')).filter((file) => REPLACES_MODULE.test(readFileSync(join(root, file), 'utf8')));
    expect(replacing).toContain('test/resolvers.test.ts');
    expect(replacing.filter((file) => !ISOLATED.includes(file))).toEqual([]);
  });

  it('has every shared file that replaces a global put the original back', () => {
    const unrestored: string[] = [];
    for (const file of testFiles(join(root, 'test')).filter((name) => !ISOLATED.includes(name))) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const [, name] of text.matchAll(REPLACED_GLOBALS)) {
        const kept = new RegExp(`const (\\w+) = globalThis\\.${name}\\b`).exec(text)?.[1];
        if (!kept || !new RegExp(`globalThis\\.${name} = ${kept}\\b`).test(text)) unrestored.push(`${file}: ${name}`);
      }
    }
    expect(unrestored).toEqual([]);
  });

  it('lists only files that exist', () => {
    const files = testFiles(join(root, 'test'));
    expect(ISOLATED.filter((file) => !files.includes(file))).toEqual([]);
  });
});
