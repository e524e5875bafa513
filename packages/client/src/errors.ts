/**
 * A failure the API reported: one of the gateway's `errorType`s (NotAuthorized, CodeMismatch, …),
 * AppSync's own (UnauthorizedException for a wrong API key, …), or HttpError for an answer that is
 * not GraphQL at all.
 */
export class AuthError extends Error {
  override name = 'AuthError';

  constructor(
    message: string,
    readonly errorType: string,
    readonly errorInfo: unknown = null,
    readonly path: ReadonlyArray<string | number> | null = null,
    /** HTTP status of the response, when there was one. */
    readonly status?: number,
  ) {
    super(message);
  }
}

/** One entry of AppSync's `errors` array. */
export interface GraphQLErrorEntry {
  message?: string;
  errorType?: string | null;
  errorInfo?: unknown;
  path?: ReadonlyArray<string | number> | null;
}

export interface GraphQLResponseBody {
  data?: Record<string, unknown> | null;
  errors?: GraphQLErrorEntry[];
}

/** The first reported error, or an HttpError when the response carries no data. */
export function errorOf(body: GraphQLResponseBody | undefined, status: number): AuthError | undefined {
  const first = body?.errors?.[0];
  if (first) {
    return new AuthError(first.message ?? 'Request failed.', first.errorType ?? 'UnknownError', first.errorInfo ?? null, first.path ?? null, status);
  }
  if (status < 200 || status >= 300 || !body?.data) {
    return new AuthError(`The API answered HTTP ${status} without GraphQL data.`, 'HttpError', null, null, status);
  }
  return undefined;
}
