import { signGraphQLRequest, type SigningCredentials } from './signing';

/** Where the admin API is and who calls it: the deployed stack's output, or the offline stack. */
export interface AdminTarget {
  graphqlUrl: string;
  region: string;
  credentials: () => Promise<SigningCredentials>;
}

export interface GraphQLFailure {
  errorType?: string | null;
  message: string;
}

/** A failure the API answered; `unauthorized` when AppSync refused the caller rather than the request. */
export class AdminApiError extends Error {
  override name = 'AdminApiError';
  constructor(
    readonly errorType: string,
    message: string,
    readonly unauthorized: boolean,
  ) {
    super(message);
  }
}

/** Posts one IAM-signed GraphQL request and returns `data[field]`, or throws AdminApiError. */
export async function callAdmin<T>(target: AdminTarget, field: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const body = JSON.stringify({ query, variables });
  const headers = await signGraphQLRequest({ url: target.graphqlUrl, body, region: target.region, credentials: await target.credentials() });
  // fetch sets the host header from the URL itself: the same value as signed.
  const { host: _host, ...sent } = headers;
  const response = await fetch(target.graphqlUrl, { method: 'POST', headers: sent, body });
  const answer = (await response.json().catch(() => ({}))) as { data?: Record<string, unknown> | null; errors?: GraphQLFailure[] };
  const failure = answer.errors?.[0];
  if (response.status === 401 || response.status === 403) {
    throw new AdminApiError(failure?.errorType ?? 'UnauthorizedException', failure?.message ?? `HTTP ${response.status}`, true);
  }
  if (failure) {
    const errorType = failure.errorType ?? 'Error';
    throw new AdminApiError(errorType, failure.message, errorType === 'Unauthorized');
  }
  if (response.status !== 200 || !answer.data) throw new AdminApiError('HttpError', `The API answered HTTP ${response.status}.`, false);
  return answer.data[field] as T;
}
