import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { userOperations } from '../../operations';
import {
  appSyncScalars,
  GENERATED_DIR,
  generatedSources,
  operationDocuments,
  OPERATIONS_DIR,
  SCALARS_FILE,
} from '../../scripts/operationDocuments';

/** The client package's generated files are committed; each of these fails until `npm run codegen` is run. */
const STALE = 'stale: run npm run codegen';

describe('packages/client/operations', () => {
  const expected = operationDocuments();

  it('holds one document per user (API-key) row of the operations table', () => {
    const files = readdirSync(OPERATIONS_DIR).filter((name) => name.endsWith('.graphql'));
    expect(files.sort(), STALE).toEqual(userOperations.map((op) => `${op.field}.graphql`).sort());
  });

  it.each([...expected])('%s matches the schema', (name, content) => {
    expect(readFileSync(`${OPERATIONS_DIR}/${name}`, 'utf8'), STALE).toBe(content);
  });

  it('declares the AppSync scalars', () => {
    expect(readFileSync(SCALARS_FILE, 'utf8'), STALE).toBe(appSyncScalars());
  });
});

describe('packages/client/src/generated', () => {
  it('is what codegen.yml generates from the committed documents, and the operations table', async () => {
    const expected = await generatedSources();
    expect(readdirSync(GENERATED_DIR).sort(), STALE).toEqual([...expected.keys()].sort());
    for (const [name, content] of expected) {
      expect(readFileSync(`${GENERATED_DIR}/${name}`, 'utf8'), `${name} ${STALE}`).toBe(content);
    }
  });

  it('depends on nothing outside the package', () => {
    for (const name of readdirSync(GENERATED_DIR)) {
      const imports = [...readFileSync(`${GENERATED_DIR}/${name}`, 'utf8').matchAll(/\bfrom ['"]([^'"]+)['"]/g)].map((m) => m[1]);
      expect(imports.filter((source) => !source!.startsWith('./')), name).toEqual([]);
    }
  });

  it('gives each user operation its token flag from operations.ts', async () => {
    const { operations } = await import('../../packages/client/src/generated/operations');
    expect(operations).toEqual(userOperations.map((op) => ({ field: op.field, token: op.token })));
  });
});
