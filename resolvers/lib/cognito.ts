import { util, type Context, type HTTPRequest } from '@aws-appsync/utils';
import { mapAwsError, messages } from '../../cognitoErrors';
import { accessTokenOf } from './accessToken';

/**
 * For fields whose data source is `cognito` (operations.ts): one call to Cognito's public JSON API
 * through an unsigned HTTP data source, as the AWS SDK would make it, with Cognito's failures
 * turned into the gateway's errors by the same table the functions use (cognitoErrors.ts).
 * https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-http-js.html
 */

/** Cognito's JSON 1.1 protocol: POST / naming the action in X-Amz-Target. */
export function cognitoRequest(action: string, input: Record<string, unknown>): HTTPRequest<string> {
  return {
    method: 'POST',
    resourcePath: '/',
    params: {
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `AWSCognitoIdentityProviderService.${action}`,
      },
      body: JSON.stringify(input),
    },
  };
}

/** The app client every call names: the API's environment variable, set by CDK and the local stack. */
export function clientIdOf(ctx: Context): string {
  return ctx.env.USER_POOL_CLIENT_ID ?? '';
}

/** The caller's access token, trimmed; a call without one is refused before Cognito is asked. */
export function requireAccessToken(ctx: Context): string {
  const token = (accessTokenOf(ctx) ?? '').trim();
  if (!token) util.error(messages.noToken, 'NotAuthorized');
  return token;
}

type Json = Record<string, any>;

function header(headers: Record<string, string> | undefined, name: string): string {
  const key = Object.keys(headers ?? {}).find((candidate) => candidate.toLowerCase() === name);
  return key && headers ? headers[key] ?? '' : '';
}

/** Something unexpected: the message and errorInfo carry Cognito's request id, if it sent one. */
export function unexpected(ctx: Context, message: string): never {
  const requestId = header(ctx.result?.headers, 'x-amzn-requestid');
  return requestId
    ? util.error(`${message} Request id: ${requestId}.`, 'InternalError', null, { requestId })
    : util.error(message, 'InternalError');
}

/** Cognito's `__type` may carry a namespace (`…#Name`) or a suffix (`Name:…`), as the SDK allows for. */
function errorName(body: Json, headers: Record<string, string> | undefined): string {
  const raw: string = typeof body.__type === 'string' ? body.__type : header(headers, 'x-amzn-errortype');
  return (raw.split('#').pop() ?? '').split(':')[0] ?? '';
}

interface Answer {
  statusCode: number;
  json: Json;
  headers?: Record<string, string>;
}

interface Failure {
  name: string;
  message: string;
  /** Cognito's own fault (HTTP 5xx). */
  serverFault: boolean;
}

/** Cognito's answer as the HTTP data source hands it over: status, JSON body (or {}) and headers. */
function answerOf(ctx: Context): Answer {
  const { statusCode, body, headers } = ctx.result as { statusCode: number; body?: string; headers?: Record<string, string> };
  const text = (body ?? '').trim();
  return { statusCode, json: text.startsWith('{') ? JSON.parse(text) : {}, headers };
}

/** The exception in a non-2xx answer, by name and message; null for a 2xx. */
function failureIn({ statusCode, json, headers }: Answer): Failure | null {
  if (statusCode >= 200 && statusCode < 300) return null;
  const message: string = typeof json.message === 'string' ? json.message : typeof json.Message === 'string' ? json.Message : '';
  return { name: errorName(json, headers), message, serverFault: statusCode >= 500 };
}

/** The exception Cognito answered with; null when it answered 2xx or could not be reached. */
export function cognitoFailure(ctx: Context): Failure | null {
  return ctx.error || !ctx.result ? null : failureIn(answerOf(ctx));
}

/**
 * Cognito's answer as JSON, or the GraphQL error it means. A 4xx or 5xx arrives here as a result,
 * not in ctx.error; ctx.error means Cognito could not be reached at all.
 */
export function cognitoResult(ctx: Context): Json {
  if (ctx.error) util.error(messages.unavailable, 'ServiceUnavailable');
  const answer = answerOf(ctx);
  const failure = failureIn(answer);
  if (!failure) return answer.json;
  const mapped = mapAwsError(failure.name, failure.message, failure.serverFault);
  if (mapped) util.error(mapped.message, mapped.errorType);
  return unexpected(ctx, messages.unexpected);
}

/** The AuthTokens type from an AuthenticationResult; a refresh that rotated nothing keeps the token sent. */
export function authTokensOf(ctx: Context, result: Json | undefined, refreshTokenSent?: string): Json {
  const refreshToken = result?.RefreshToken ?? refreshTokenSent;
  if (!result || !result.IdToken || !result.AccessToken || !refreshToken) unexpected(ctx, 'Cognito returned no tokens.');
  return {
    idToken: result?.IdToken,
    accessToken: result?.AccessToken,
    refreshToken,
    expiresIn: result?.ExpiresIn ?? 3600,
    tokenType: result?.TokenType ?? 'Bearer',
  };
}
