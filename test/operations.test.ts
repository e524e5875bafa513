import { existsSync, readFileSync } from 'node:fs';
import type { GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildAppSyncSchema, SCHEMA_FILE } from '../local/appsync/schema';
import { dataSourceOf, operations, triggers } from '../operations';

const root = new URL('..', import.meta.url).pathname;
// Built without loadSchema's own table check, so a mismatch fails the assertions below instead.
const schema = buildAppSyncSchema(readFileSync(SCHEMA_FILE, 'utf8'));

function schemaFields(): string[] {
  return [schema.getQueryType(), schema.getMutationType()].flatMap((type) =>
    Object.keys((type as GraphQLObjectType).getFields()).map((field) => `${type!.name}.${field}`),
  );
}

describe('the operations table', () => {
  it('has exactly one row per schema field, with the right parent type', () => {
    const rows = operations.map((op) => `${op.type}.${op.field}`);
    expect(new Set(rows).size).toBe(rows.length);
    expect(rows.sort()).toEqual(schemaFields().sort());
  });

  const byKind = (kind: 'lambda' | 'cognito') => operations.filter((op) => dataSourceOf(op.field) === kind).map((op) => [op.field, op] as const);

  it.each(byKind('lambda'))('%s has a resolver, a function and a test of the same name', (field) => {
    expect(existsSync(`${root}/resolvers/${field}.ts`)).toBe(true);
    expect(existsSync(`${root}/functions/${field}.ts`)).toBe(true);
    expect(existsSync(`${root}/test/functions/${field}.test.ts`)).toBe(true);
    expect(existsSync(`${root}/test/resolvers/${field}.test.ts`)).toBe(false);
  });

  it.each(byKind('cognito'))('%s, served by Cognito directly, has a resolver and a resolver test of the same name, and no function', (field, op) => {
    expect(existsSync(`${root}/resolvers/${field}.ts`)).toBe(true);
    expect(existsSync(`${root}/test/resolvers/${field}.test.ts`)).toBe(true);
    expect(existsSync(`${root}/functions/${field}.ts`)).toBe(false);
    expect(existsSync(`${root}/test/functions/${field}.test.ts`)).toBe(false);
    // No function, so nothing to grant and nothing to queue; its one call is a Cognito action.
    expect(op.iam).toEqual([]);
    expect(op).not.toHaveProperty('invocation');
    expect(op.calls).toHaveLength(1);
  });

  it.each(operations.map((op) => [op.field, op] as const))('%s takes an accessToken argument exactly when it needs a token', (field, op) => {
    const type = op.type === 'Query' ? schema.getQueryType() : schema.getMutationType();
    const args = type!.getFields()[field]!.args.map((arg) => arg.name);
    expect(args.includes('accessToken')).toBe(op.token);
  });

  it.each(operations.map((op) => [op.field, op] as const))('%s carries exactly the directive of its auth mode', (field, op) => {
    const type = op.type === 'Query' ? schema.getQueryType() : schema.getMutationType();
    const directives = type!.getFields()[field]!.astNode!.directives!.map((d) => d.name.value);
    expect(directives).toEqual([op.auth === 'iam' ? 'aws_iam' : 'aws_api_key']);
  });

  it('gives admin fields, and only them, IAM; IAM fields need no user token', () => {
    for (const op of operations) {
      expect(op.auth === 'iam', op.field).toBe(op.field.startsWith('admin'));
      if (op.auth === 'iam') expect(op.token, op.field).toBe(false);
    }
  });

  it('lists every trigger function', () => {
    for (const trigger of triggers) {
      expect(existsSync(`${root}/functions/${trigger.name}.ts`)).toBe(true);
      expect(existsSync(`${root}/test/functions/${trigger.name}.test.ts`)).toBe(true);
    }
  });
});

describe('README.md', () => {
  it('shows the operations table generated from operations.ts (run npm run docs)', async () => {
    const { readmeWithTable } = await import('../scripts/operationsDoc');
    const readme = readFileSync(`${root}/README.md`, 'utf8');
    expect(readme).toBe(readmeWithTable(readme));
  });
});
