import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISOLATED } from '../vitest.config';

/**
 * Files of the shared project run in one process after one another, so a file that replaces a
 * module or a process-wide global would change what the next file runs against. Such a file must
 * be listed in ISOLATED (vitest.config.ts), which gives it a process of its own.
 */
const root = join(import.meta.dirname, '..');
const REPLACES_MODULE_OR_GLOBAL = /\bvi\.(?:mock|doMock|stubGlobal)\(|\bglobalThis\.\w+\s*=[^=]|\bAmplify\.configure\(/;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [relative(root, path)] : [];
  });
}

describe('test isolation', () => {
  it('gives every file that replaces a module or a global a process of its own', () => {
    const replacing = testFiles(join(root, 'test')).filter((file) => REPLACES_MODULE_OR_GLOBAL.test(readFileSync(join(root, file), 'utf8')));
    expect(replacing).toContain('test/conformance/amplify.test.ts');
    expect(replacing).toContain('test/flow/rotation.test.ts');
    expect(replacing.filter((file) => !ISOLATED.includes(file))).toEqual([]);
  });

  it('lists only files that exist', () => {
    const files = testFiles(join(root, 'test'));
    expect(ISOLATED.filter((file) => !files.includes(file))).toEqual([]);
  });
});
