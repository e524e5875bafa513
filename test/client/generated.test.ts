import { readdirSync, readFileSync } from 'node:fs';
import { buildSchema, validateSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { userOperations } from '../../operations';
import {
  appSyncDeclarations,
  DECLARATIONS_FILE,
  GENERATED_DIR,
  generatedSources,
  operationDocuments,
  OPERATIONS_DIR,
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

});

describe('appsync.graphql', () => {
  it("is current: AppSync's declarations as the local runtime has them", () => {
    expect(readFileSync(DECLARATIONS_FILE, 'utf8'), STALE).toBe(appSyncDeclarations());
  });

  it('lets graphql-js buildSchema load schema.graphql unchanged, as standard tools do', () => {
    const files = ['appsync.graphql', 'schema.graphql'].map((name) => readFileSync(new URL(`../../${name}`, import.meta.url), 'utf8'));
    // Without the declarations the schema does not load: the test below would prove nothing.
    expect(() => buildSchema(files[1]!)).toThrow(/AWSEmail|aws_api_key/);
    const schema = buildSchema(files.join('\n'));
    expect(validateSchema(schema)).toEqual([]);
    for (const op of userOperations) expect(schema.getMutationType()?.getFields()[op.field] ?? schema.getQueryType()?.getFields()[op.field], op.field).toBeDefined();
    expect(schema.getDirective('aws_iam')).toBeDefined();
    expect(schema.getType('AWSDateTime')).toBeDefined();
  });

  it('is what graphql.config.yml loads beside schema.graphql', () => {
    const text = readFileSync(new URL('../../graphql.config.yml', import.meta.url), 'utf8');
    expect(text).toMatch(/^schema:\n(?: {2}- .+\n)*? {2}- appsync\.graphql\n/m);
    expect(text).toMatch(/^schema:\n(?: {2}- .+\n)*? {2}- schema\.graphql\n/m);
  });
});

describe('packages/client/src/generated', () => {
  it('is what the client preset generates from the committed documents, and the operations table', async () => {
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
