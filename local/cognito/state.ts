import type {
  CreateUserPoolClientRequest,
  CreateUserPoolRequest,
  SoftwareTokenMfaConfigType,
  UserStatusType,
  WebAuthnConfigurationType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { JWK } from 'jose';

/**
 * Everything the emulator keeps, as written to its JSON file. Times are epoch milliseconds.
 * Secrets (passwords, refresh tokens, sessions, reset codes) are kept only as hashes (codes as
 * keyed hashes under the pool's own key); TOTP
 * secrets and the pools' signing keys are kept as they are, as Cognito must keep them.
 */
export interface State {
  version: 1;
  pools: Record<string, PoolRecord>;
  /** By SHA-256 of the refresh token. */
  refreshTokens: Record<string, RefreshTokenRecord>;
  /** By SHA-256 of the session string. */
  sessions: Record<string, SessionRecord>;
}

export type PoolSettings = Omit<CreateUserPoolRequest, 'PoolName'> & {
  SoftwareTokenMfaConfiguration?: SoftwareTokenMfaConfigType;
  /** Passkey relying party, user verification and whether a passkey may satisfy MFA. */
  WebAuthnConfiguration?: WebAuthnConfigurationType;
};

export interface PoolRecord {
  id: string;
  name: string;
  region: string;
  createdAt: number;
  updatedAt: number;
  settings: PoolSettings;
  key: SigningKey;
  /** Random HMAC key (base64) for the pool's short codes and guessed names; see keyedHash.ts. */
  hashKey?: string;
  clients: Record<string, ClientRecord>;
  /** By username as stored (lower case when the pool is case-insensitive). */
  users: Record<string, UserRecord>;
  groups: Record<string, GroupRecord>;
  /** Failed sign-ins under names no user has, by keyed hash of the lower-cased name. */
  unknownSignIns?: Record<string, FailedSignIns>;
  /** Reset-code attempts under names no user has, by keyed hash of the lower-cased name. */
  unknownResets?: Record<string, number[]>;
}

export interface SigningKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

export type ClientSettings = Omit<CreateUserPoolClientRequest, 'UserPoolId' | 'GenerateSecret' | 'ClientSecret'>;

export interface ClientRecord {
  id: string;
  secret?: string;
  createdAt: number;
  updatedAt: number;
  settings: ClientSettings;
}

export interface UserRecord {
  username: string;
  attributes: Record<string, string>;
  enabled: boolean;
  status: UserStatusType;
  createdAt: number;
  updatedAt: number;
  passwordHash?: string;
  /** When the current temporary password was issued (FORCE_CHANGE_PASSWORD only). */
  temporaryPasswordIssuedAt?: number;
  failures: FailedSignIns;
  /** Wrong MFA codes, counted toward their own lockout (absent when there are none). */
  mfaFailures?: FailedSignIns;
  totp: TotpState;
  resetCode?: ResetCode;
  /** Codes e-mailed to verify an attribute, by attribute name. */
  verificationCodes?: Record<string, ResetCode>;
  /** When the user last asked for or entered a reset code (epoch ms, the last hour only). */
  resetAttempts?: number[];
  groups: string[];
  /** Passkeys, the registration in progress and the passkey-MFA preference (absent until used). */
  webAuthn?: WebAuthnState;
}

export interface WebAuthnState {
  credentials: WebAuthnCredentialRecord[];
  /** The challenge StartWebAuthnRegistration handed out: one completion, before it expires. */
  registration?: { challenge: string; clientId: string; expiresAt: number };
  /** WebAuthnMfaSettings.Enabled: a verified passkey sign-in satisfies MFA. */
  mfaEnabled?: boolean;
}

export interface WebAuthnCredentialRecord {
  /** base64url, as the browser reports it. */
  id: string;
  /** COSE public key, base64url. */
  publicKey: string;
  /** Signature counter last seen: the next assertion must report more (unless both are 0). */
  counter: number;
  rpId: string;
  transports?: string[];
  attachment?: string;
  createdAt: number;
}

export interface FailedSignIns {
  count: number;
  lastFailureAt?: number;
  lockedUntil?: number;
}

export interface TotpState {
  /** Secret handed out by AssociateSoftwareToken and not yet verified. */
  pendingSecret?: string;
  secret?: string;
  verified: boolean;
  enabled: boolean;
  preferred: boolean;
  deviceName?: string;
  /** TOTP time step of the last code accepted: that code and older ones are refused. */
  lastUsedStep?: number;
}

export interface ResetCode {
  hash: string;
  expiresAt: number;
}

export interface GroupRecord {
  name: string;
  description?: string;
  precedence?: number;
  roleArn?: string;
  createdAt: number;
  updatedAt: number;
}

export interface RefreshTokenRecord {
  poolId: string;
  clientId: string;
  username: string;
  /** Shared by every token of one sign-in: revoking the refresh token revokes its access tokens. */
  originJti: string;
  authTime: number;
  issuedAt: number;
  expiresAt: number;
  revoked: boolean;
  /** When a rotating client replaced this token (epoch ms): it then lives only for the grace period. */
  rotatedAt?: number;
}

export type Challenge = 'NEW_PASSWORD_REQUIRED' | 'MFA_SETUP' | 'SOFTWARE_TOKEN_MFA';
/** What a session may be open for: the challenges above, or a passkey assertion. */
export type SessionChallenge = Challenge | 'WEB_AUTHN';

/** How far an MFA_SETUP session has gone: secret handed out, then first code verified. */
export type SetupStep = 'SECRET_ASSOCIATED' | 'TOKEN_VERIFIED';

export interface SessionRecord {
  poolId: string;
  clientId: string;
  username: string;
  challenge: SessionChallenge;
  step?: SetupStep;
  /** WEB_AUTHN: the challenge the assertion must sign (base64url). */
  webAuthnChallenge?: string;
  /** WEB_AUTHN for a name no user has: answered like a wrong passkey, so names are not revealed. */
  decoy?: boolean;
  expiresAt: number;
  wrongCodes: number;
}

export const emptyState = (): State => ({ version: 1, pools: {}, refreshTokens: {}, sessions: {} });
