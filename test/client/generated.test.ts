import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadContext, generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import { userOperations } from '../../operations';
import { appSyncScalars, operationDocuments, OPERATIONS_DIR, SCALARS_FILE } from '../../scripts/operationDocuments';

/** The client's generated files are committed; each of these fails until `npm run codegen` is run. */
const root = fileURLToPath(new URL('../..', import.meta.url));
const STALE = 'stale: run npm run codegen';

describe('client/operations', () => {
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

describe('client/generated', () => {
  it('is what codegen.yml generates from the committed documents', async () => {
    const context = await loadContext(`${root}codegen.yml`);
    context.cwd = root;
    context.updateConfig({ silent: true });
    const outputs = await generate(context, false);
    const generated = readdirSync(`${root}client/generated`).map((name) => `client/generated/${name}`);
    expect(generated.sort(), STALE).toEqual(outputs.map((output: { filename: string }) => output.filename).sort());
    for (const output of outputs) {
      expect(readFileSync(`${root}${output.filename}`, 'utf8'), `${output.filename} ${STALE}`).toBe(output.content);
    }
  });
});
