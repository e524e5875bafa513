import type { GatewayErrorType } from './errors';

/** What every resolver in `resolvers/` sends to its function (the `Invoke` payload). */
export interface GatewayEvent {
  /** The GraphQL field being resolved. */
  field: string;
  /** The field's GraphQL arguments, as AppSync validated them. */
  arguments: Record<string, unknown>;
  /** The user's access token, from the `accessToken` argument or the Authorization header. */
  accessToken?: string | null;
  /**
   * The signing identity's IAM ARN (AppSync's `identity.userArn`), sent for admin fields only:
   * they are IAM-authorized, and the audit trail names who called.
   */
  caller?: string | null;
}

export interface GatewayFailure {
  errorType: GatewayErrorType;
  message: string;
  /** Set for InternalError so support can find the failing invocation. */
  requestId?: string;
}

/** Functions answer with data or a typed failure; the resolver turns the failure into util.error. */
export type GatewayResult<T> = { data: T; error?: undefined } | { data?: undefined; error: GatewayFailure };
