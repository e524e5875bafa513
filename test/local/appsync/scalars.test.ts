import { graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildAppSyncSchema, loadSchema } from '../../../local/appsync/schema';
import { APPSYNC_SCALARS } from '../../../local/appsync/scalars';

/** Runs `echo(value: <scalar>)` with the value as a variable, as a client would send it. */
async function accepts(scalar: string, value: unknown): Promise<boolean> {
  const schema = buildAppSyncSchema(`type Query { echo(value: ${scalar}!): ${scalar} }`);
  const result = await graphql({
    schema,
    source: `query ($value: ${scalar}!) { echo(value: $value) }`,
    variableValues: { value },
    rootValue: { echo: ({ value }: { value: unknown }) => value },
  });
  return result.errors === undefined;
}

const cases: Record<string, { valid: unknown[]; invalid: unknown[] }> = {
  AWSEmail: { valid: ['ada@example.com', 'a.b+tag@sub.example.co.uk', 'root@localhost'], invalid: ['not-an-email', 'a@', '@example.com', ' ada@example.com', 'a b@example.com', 42] },
  AWSPhone: { valid: ['+447700900123', '+1 206-555-0100', '206-555-0100', '2065550100'], invalid: ['call me', '+0123456', '12345', '+44 7700 900123 ext 4'] },
  AWSURL: { valid: ['https://example.com/path?q=1', 'mailto:ada@example.com', 'http://localhost:3000/'], invalid: ['example.com', 'https://example.com//double', 'not a url'] },
  AWSDate: { valid: ['1970-01-01', '2024-02-29', '1970-01-01Z', '1970-01-01-07:00', '1970-01-01+05:30:15', '-2017-01-01'], invalid: ['1970-1-1', '2023-02-29', '1970-13-01', '1970-01-01T00:00Z'] },
  AWSTime: { valid: ['12:30', '12:30:15', '12:30:15.123456789', '12:30:15Z', '12:30-07:00'], invalid: ['24:00', '12:60', '12:30:15.1234567890', '1230'] },
  AWSDateTime: { valid: ['1970-01-01T12:00Z', '1970-01-01T12:00:00.277Z', '2017-01-01T00:00:00+05:30'], invalid: ['1970-01-01T12:00:00', '1970-01-01 12:00Z', '1970-01-01'] },
  AWSTimestamp: { valid: [0, -1, 1_700_000_000], invalid: [1.5, '1700000000', Number.MAX_SAFE_INTEGER + 2] },
  AWSJSON: { valid: ['{"a":1}', '[1,2]', '"text"', 'true'], invalid: ['{a:1}', "{'a':1}", { a: 1 }] },
  AWSIPAddress: { valid: ['127.0.0.1', '10.0.0.0/8', '1a2b:3c4b::1234:4567', '::1/128'], invalid: ['256.0.0.1', '10.0.0.0/33', 'localhost', '::1/129'] },
};

describe.each(Object.entries(cases))('%s', (scalar, { valid, invalid }) => {
  it.each(valid.map((v) => [v]))('accepts %j', async (value) => {
    expect(await accepts(scalar, value)).toBe(true);
  });
  it.each(invalid.map((v) => [v]))('refuses %j', async (value) => {
    expect(await accepts(scalar, value)).toBe(false);
  });
});

describe('AppSync schema', () => {
  it('covers every AppSync scalar', () => {
    expect(Object.keys(APPSYNC_SCALARS).sort()).toEqual(
      ['AWSDate', 'AWSDateTime', 'AWSEmail', 'AWSIPAddress', 'AWSJSON', 'AWSPhone', 'AWSTime', 'AWSTimestamp', 'AWSURL'].sort(),
    );
  });

  it('hands resolvers an AWSJSON argument parsed', async () => {
    const schema = buildAppSyncSchema('type Query { keys(doc: AWSJSON!): [String!]! }');
    const result = await graphql({
      schema,
      source: 'query { keys(doc: "{\\"a\\": 1, \\"b\\": 2}") }',
      rootValue: { keys: ({ doc }: { doc: Record<string, unknown> }) => Object.keys(doc) },
    });
    expect(result).toEqual({ data: { keys: ['a', 'b'] } });
  });

  it('loads a schema using AppSync directives it does not declare', () => {
    const schema = buildAppSyncSchema(`
      type Query @aws_api_key { me: String @aws_cognito_user_pools(cognito_groups: ["admins"]) @aws_iam old: String @deprecated(reason: "gone") }
      type Mutation { ping: String @aws_lambda @aws_oidc }
      type Subscription { onPing: String @aws_subscribe(mutations: ["ping"]) }
    `);
    expect(schema.getDirective('aws_subscribe')).toBeDefined();
  });

  it('keeps directives and scalars a schema declares itself', () => {
    const schema = buildAppSyncSchema('scalar AWSEmail\ndirective @aws_iam on FIELD_DEFINITION\ntype Query { e: AWSEmail @aws_iam }');
    expect(schema.getDirective('aws_iam')?.locations).toEqual(['FIELD_DEFINITION']);
  });

  it('refuses custom scalars, which AppSync does not support', () => {
    expect(() => buildAppSyncSchema('scalar Money\ntype Query { price: Money }')).toThrow(/no custom scalars: Money/);
  });

  it('loads schema.graphql with every operation in it', () => {
    expect(loadSchema().getMutationType()?.getFields().createUser).toBeDefined();
  });
});
