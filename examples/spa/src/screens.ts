import type { MfaSetup } from './auth';
import type { SensitiveAction } from './sensitiveActions';

/** The app's states; each names what its screen needs from the one before. */
export type Screen =
  | { name: 'signUp' }
  | { name: 'confirm'; email?: string }
  | { name: 'mfaSetup'; email: string; setup: MfaSetup }
  | { name: 'recoveryCodes'; codes: readonly string[]; done: string }
  | { name: 'login'; email?: string }
  | { name: 'verifyMfa'; email: string; session: string }
  | { name: 'recoverAccount'; email?: string }
  | { name: 'profile' }
  | { name: 'changePassword' }
  | { name: 'replaceAuthenticator'; setup: MfaSetup }
  | { name: 'reauthenticate'; email: string; action: SensitiveAction; argument?: string }
  | { name: 'forgotPassword'; email?: string }
  | { name: 'resetPassword'; email: string };

/** Moves to another screen, with an optional message for the user about what just happened. */
export type Go = (screen: Screen, notice?: string) => void;

export const SIGNED_IN: ReadonlySet<Screen['name']> = new Set(['profile', 'changePassword', 'replaceAuthenticator', 'reauthenticate']);

/** Screens without navigation: recovery codes are shown once, so nothing should lead away by accident. */
export const NO_NAV: ReadonlySet<Screen['name']> = new Set(['recoveryCodes']);
