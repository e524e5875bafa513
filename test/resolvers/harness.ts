import { expect } from 'vitest';
import { bundleResolver } from '../../infra/bundleResolver';
import { loadResolverCode } from '../../local/appsync/resolverCode';
import { evaluate, ResolverError } from '../../local/appsync/util';
import { operations } from '../../operations';

/**
 * Runs a resolver that calls Cognito itself as AppSync runs it: the bundled module in its own
 * realm (local/appsync/resolverCode.ts), its request handler's HTTP request checked field by
 * field, and Cognito's answers, failures included, handed to its response handler as
 * `ctx.result` {statusCode, headers, body}.
 */

export const CLIENT_ID = 'test-client-id-0123456789';
export const COGNITO_REQUEST_ID = 'cognito-request-1234';

export interface Call {
  args?: Record<string, unknown>;
  headers?: Record<string, string>;
  result?: unknown;
  error?: { message: string; type: string };
  /** The API's environment variables; CDK's for a gateway with passkeys on when left out. */
  env?: Record<string, string>;
}

const parentOf = (field: string) => operations.find((op) => op.field === field)?.type ?? 'Mutation';

export function cognitoResolver(field: string) {
  const code = loadResolverCode(field);
  const ctxOf = (call: Call) => ({
    arguments: call.args ?? {},
    args: call.args ?? {},
    identity: null,
    source: null,
    request: { headers: call.headers ?? {}, domainName: null },
    info: { fieldName: field, parentTypeName: parentOf(field), variables: {}, selectionSetList: [], selectionSetGraphQL: '' },
    stash: {},
    prev: { result: {} },
    env: call.env ?? { USER_POOL_CLIENT_ID: CLIENT_ID, PASSKEYS: 'on' },
    result: call.result,
    error: call.error,
  });
  const run = (handler: (ctx: unknown) => unknown, call: Call) =>
    evaluate({ fieldName: field, parentTypeName: parentOf(field), appended: [] }, () => handler(ctxOf(call)));
  return {
    request: (call: Call) => run(code.request, call) as { method: string; resourcePath: string; params: { headers: Record<string, string>; body: string } },
    response: (call: Call) => run(code.response, call),
    /** The JSON body the request handler sends, after checking it is Cognito's JSON 1.1 call of `action`. */
    sent(action: string, call: Call): Record<string, unknown> {
      const request = run(code.request, call) as { method: string; resourcePath: string; params: { headers: Record<string, string>; body: string } };
      expect(request).toEqual({
        method: 'POST',
        resourcePath: '/',
        params: {
          headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${action}` },
          body: expect.any(String),
        },
      });
      return JSON.parse(request.params.body);
    },
    /** What the handler raised: util.error's message, errorType and errorInfo. */
    refusal(handler: 'request' | 'response', call: Call): { message: string; errorType: string | null; errorInfo: unknown } {
      try {
        run(handler === 'request' ? code.request : code.response, call);
      } catch (err) {
        if (err instanceof ResolverError) return { message: err.message, errorType: err.errorType, errorInfo: err.errorInfo };
        throw err;
      }
      throw new Error(`resolvers/${field}.ts ${handler} raised no error`);
    },
  };
}

/** Cognito's answer as the HTTP data source hands it over. */
export function cognitoAnswer(statusCode: number, body: unknown) {
  return {
    statusCode,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': COGNITO_REQUEST_ID },
    body: JSON.stringify(body),
  };
}

/** A Cognito failure: `__type` names the exception, as on the wire (server faults are 5xx). */
export const cognitoFailure = (type: string, message: string, statusCode = 400) => cognitoAnswer(statusCode, { __type: type, message });

/** The failures every Cognito call can meet, and what the caller is told (cognitoErrors.ts). */
export const COMMON_FAILURES: Array<[ReturnType<typeof cognitoAnswer>, { errorType: string; message: string }]> = [
  [cognitoFailure('TooManyRequestsException', 'Rate exceeded'), { errorType: 'TooManyRequests', message: 'Too many requests. Wait a moment and try again.' }],
  [
    cognitoFailure('InternalErrorException', 'Internal error', 500),
    { errorType: 'ServiceUnavailable', message: 'The service is temporarily unavailable. Try again later.' },
  ],
  [
    cognitoAnswer(503, { message: 'Service Unavailable' }),
    { errorType: 'ServiceUnavailable', message: 'The service is temporarily unavailable. Try again later.' },
  ],
  [
    cognitoFailure('com.amazonaws.cognito.identity.idp.model#TooManyRequestsException', 'Rate exceeded'),
    { errorType: 'TooManyRequests', message: 'Too many requests. Wait a moment and try again.' },
  ],
];

/** The resolver bundle logs nothing: its inputs are tokens, sessions and codes. */
export function assertLogsNothing(field: string): void {
  const code = bundleResolver(field).replace(/\/\/# sourceMappingURL=.*$/m, '');
  expect(code).not.toMatch(/\butil\.log\b|\bconsole\./);
}
