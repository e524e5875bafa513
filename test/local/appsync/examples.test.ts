import { getVariableValues, parse, validate, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationExample, operationExamples, STRING_EXAMPLES } from '../../../local/appsync/examples';
import { buildAppSyncSchema, loadSchema } from '../../../local/appsync/schema';
import { operations, userOperations } from '../../../operations';
import * as rules from '../../../functions/lib/validate';
import * as passkeyRules from '../../../functions/lib/passkeys';
import * as v from 'valibot';
import { environmentNames, loadEnvironment } from '../../../infra/config';

const schema = loadSchema();

describe.each(operations.map((op) => [op.field, op] as const))('example for %s', (field, op) => {
  const example = operationExample(schema, op);
  const document = parse(example.document);
  const operation = document.definitions[0] as OperationDefinitionNode;

  it('is a valid operation named after the field, of the right kind', () => {
    expect(validate(schema, document)).toEqual([]);
    expect(document.definitions).toHaveLength(1);
    expect(operation.name?.value).toBe(field);
    expect(operation.operation).toBe(op.type === 'Query' ? 'query' : 'mutation');
  });

  it('has variables that AppSync would accept', () => {
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], example.variables);
    expect(coerced.errors).toBeUndefined();
  });
});

describe('operationExamples', () => {
  it('gives one example per operations row, in order', () => {
    expect(operationExamples(schema).map((e) => e.field)).toEqual(userOperations.map((op) => op.field));
  });

  it('passes every argument as a variable and expands nested objects', () => {
    const schema = buildAppSyncSchema(`
      type Query { ping: String }
      type Mutation { enrol(input: EnrolInput!, accessToken: String): Enrolment! }
      input EnrolInput { email: AWSEmail!, note: String, tags: [String!]! }
      type Enrolment { id: ID! setup: Setup! owner: Person }
      type Setup { secret: String! expiresAt: AWSDateTime }
      type Person { name: String friend: Person }
    `);
    const example = operationExample(schema, { type: 'Mutation', field: 'enrol' });
    expect(example.document).toBe(
      [
        'mutation enrol($input: EnrolInput!, $accessToken: String) {',
        '  enrol(input: $input, accessToken: $accessToken) {',
        '    id',
        '    setup {',
        '      secret',
        '      expiresAt',
        '    }',
        '    owner {',
        '      name',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    // Required values only, each one its scalar accepts; a name with no realistic value gets plain text.
    expect(example.variables).toEqual({ input: { email: 'ada.lovelace@example.com', tags: ['text'] } });
  });
});

/** Every string leaf of a variables object, with the name of the field it is for. */
function stringLeaves(value: unknown, name = ''): [string, string][] {
  if (typeof value === 'string') return [[name, value]];
  if (Array.isArray(value)) return value.flatMap((item) => stringLeaves(item, name));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => stringLeaves(item, key));
  return [];
}

describe('example values', () => {
  const leaves = operations.flatMap((op) => stringLeaves(operationExample(schema, op).variables));

  it('are realistic: no placeholder, and every String field has a value of its own', () => {
    expect(leaves.length).toBeGreaterThan(20);
    for (const [name, value] of leaves) {
      expect(value, name).not.toMatch(/[<>]/);
      expect(value, name).not.toBe('text');
    }
  });

  it("pass the functions' input rules", () => {
    const ruleFor: Record<string, v.GenericSchema> = {
      email: rules.email,
      otp: rules.otp,
      verificationCode: rules.verificationCode,
      session: rules.opaque('session'),
      verificationSession: rules.opaque('session'),
      refreshToken: rules.opaque('refresh token'),
      fullName: rules.personName('name'),
      phoneNumber: rules.phoneNumber,
      credential: passkeyRules.webAuthnCredential,
      credentialId: passkeyRules.credentialId,
    };
    for (const [name, value] of leaves) {
      if (ruleFor[name]) expect(v.safeParse(ruleFor[name], value).success, name).toBe(true);
    }
    expect(STRING_EXAMPLES.otp).toMatch(/^\d{6}$/);
    expect(STRING_EXAMPLES.verificationCode).toMatch(/^\d{6}$/);
    expect(STRING_EXAMPLES.recoveryCode).toMatch(/^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);
  });

  it.each(environmentNames())('has passwords that meet the %s password policy', (env) => {
    const policy = loadEnvironment(env).passwordPolicy;
    for (const name of ['password', 'oldPassword', 'newPassword', 'temporaryPassword']) {
      const value = STRING_EXAMPLES[name]!;
      expect(value.length, name).toBeGreaterThanOrEqual(policy.minLength);
      if (policy.requireUppercase) expect(value, name).toMatch(/[A-Z]/);
      if (policy.requireLowercase) expect(value, name).toMatch(/[a-z]/);
      if (policy.requireDigits) expect(value, name).toMatch(/\d/);
      if (policy.requireSymbols) expect(value, name).toMatch(/[^A-Za-z0-9]/);
    }
  });
});
