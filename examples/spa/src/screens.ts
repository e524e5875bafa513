import type { MfaSetup } from './auth';

/** The app's states; each names what its screen needs from the one before. */
export type Screen =
  | { name: 'signUp' }
  | { name: 'confirm'; email?: string }
  | { name: 'mfaSetup'; email: string; setup: MfaSetup }
  | { name: 'login'; email?: string }
  | { name: 'verifyMfa'; email: string; session: string }
  | { name: 'profile' }
  | { name: 'changePassword' }
  | { name: 'forgotPassword'; email?: string }
  | { name: 'resetPassword'; email: string };

/** Moves to another screen, with an optional message for the user about what just happened. */
export type Go = (screen: Screen, notice?: string) => void;

export const SIGNED_IN: ReadonlySet<Screen['name']> = new Set(['profile', 'changePassword']);
