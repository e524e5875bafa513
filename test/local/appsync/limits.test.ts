import { CognitoIdentityProviderClient, GlobalSignOutCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { getIntrospectionQuery, parse } from 'graphql';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_TOKENS, queryDepth } from '../../../local/appsync/limits';
import { fakeJwt } from '../../helpers';
import { graphqlBody, useRuntime } from './runtime';

// Functions run in this process: their Cognito client is the one mocked here.
const cognito = mockClient(CognitoIdentityProviderClient);
// As infra/environments/prod.json: one resolver per request, no introspection.
const { post } = useRuntime({ resolverCountLimit: 1, queryDepthLimit: 10, introspection: false });

beforeEach(() => {
  cognito.reset();
  cognito.on(GlobalSignOutCommand).resolves({});
});

describe('api.resolverCountLimit', () => {
  it('runs one resolver per request: a second aliased field answers ResolverExecutionLimitReached', async () => {
    const token = fakeJwt({ sub: 'u-1', token_use: 'access' });
    const once = await graphqlBody(await post(`mutation { a: logout(accessToken: "${token}") { status } }`));
    expect(once).toEqual({ data: { a: { status: 'LOGGED_OUT' } } });
    cognito.resetHistory();
    const twice = await post(`mutation { a: logout(accessToken: "${token}") { status } b: logout(accessToken: "${token}") { status } }`);
    const body = await graphqlBody(twice);
    expect(body.data).toBeNull();
    expect(body.errors).toContainEqual(
      expect.objectContaining({ path: ['b'], errorType: 'ResolverExecutionLimitReached', message: 'Resolver invocation limit reached.' }),
    );
    expect(cognito.commandCalls(GlobalSignOutCommand)).toHaveLength(1);
  });
});

describe('api.queryDepthLimit', () => {
  const shallow = useRuntime({ resolverCountLimit: 1, queryDepthLimit: 1, introspection: true });

  it('refuses a deeper query before any resolver runs', async () => {
    const deep = await graphqlBody(await shallow.post('query { ...F } fragment F on Query { me { email } }'));
    expect(deep).toEqual({
      data: null,
      errors: [
        {
          path: null,
          errorType: 'QueryDepthLimitReached',
          locations: null,
          message: 'Query depth limit of 1 exceeded: the query is 2 levels deep.',
        },
      ],
    });
    expect(cognito.calls()).toHaveLength(0);
    // GraphiQL's schema query stays within any depth limit.
    expect((await graphqlBody(await shallow.post(getIntrospectionQuery()))).errors).toBeUndefined();
  });

  it('counts levels through fragments and leaves introspection fields out', () => {
    expect(queryDepth(parse('{ a { b { c } } d }'))).toBe(3);
    expect(queryDepth(parse('query { ...F } fragment F on Q { a { ... on A { b } } }'))).toBe(2);
    expect(queryDepth(parse('{ __schema { types { fields { type { ofType { name } } } } } }'))).toBe(0);
    expect(queryDepth(parse('query A { a } query B { a { b } }'), 'B')).toBe(2);
  });
});

describe('api.introspection off', () => {
  it('answers __schema and __type as undefined fields, and keeps __typename', async () => {
    const body = await graphqlBody(await post(getIntrospectionQuery()));
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.message).toBe('Validation error: Cannot query field "__schema" on type "Query".');
    const type = await graphqlBody(await post('{ __type(name: "User") { name } }'));
    expect(type.errors?.[0]?.message).toContain('"__type"');
    expect(await graphqlBody(await post('{ __typename }'))).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('parser abuse', () => {
  const nested = (levels: number) => `{${'me {'.repeat(levels)}${'}'.repeat(levels)}}`;

  it.each([
    ['3000 nested levels', nested(3000)],
    ['50 000 tokens', `{ ${'__typename '.repeat(50_000)}}`],
    ['5000 nested lists in an argument', `{ me(accessToken: ${'['.repeat(5000)}${']'.repeat(5000)}) { email } }`],
  ])('answers %s with HTTP 400 MalformedHttpRequestException, never a 500', async (_, query) => {
    const res = await post(query);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      errors: [{ message: expect.stringMatching(/^The query is (too large|nested too deeply)/), errorType: 'MalformedHttpRequestException' }],
    });
    expect(cognito.calls()).toHaveLength(0);
  });

  it('still parses a document just under the token limit', async () => {
    const res = await post(`{ ${'__typename '.repeat(MAX_TOKENS - 3)}}`);
    expect(res.status).toBe(200);
  });
});
