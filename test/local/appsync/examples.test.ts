import { getVariableValues, parse, validate, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationExample, operationExamples } from '../../../local/appsync/examples';
import { buildAppSyncSchema, loadSchema } from '../../../local/appsync/schema';
import { operations, userOperations } from '../../../operations';

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
    // Required values only, each a placeholder its scalar accepts.
    expect(example.variables).toEqual({ input: { email: 'user@example.com', tags: ['<tags>'] } });
  });
});
