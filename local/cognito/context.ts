import { systemClock, type Clock } from './clock';
import { Keys } from './keys';
import { decoyHash, PASSWORD_COST, type ScryptCost } from './passwords';
import { Messages, type Deliver } from './messages';
import { totp, type Otp } from './otp';
import type { SigningKey } from './state';
import { StateStore } from './store';
import { TokenService } from './tokens';
import type { Triggers } from './triggers';

/** The services every action uses, passed in so each action can be run alone with a fake clock. */
export interface CognitoContext {
  readonly clock: Clock;
  readonly store: StateStore;
  readonly otp: Otp;
  readonly keys: Keys;
  readonly tokens: TokenService;
  readonly messages: Messages;
  /** Region new pool ids start with: the one the request was signed for. */
  readonly region: string;
  readonly triggers?: Triggers;
  /** What hashing one password costs; PASSWORD_COST unless a test asks for less. */
  readonly passwordCost: ScryptCost;
  /**
   * Set by the server for each call: queues work to run once the call's changes are saved and
   * before it is answered (a trigger that calls the pool back must not wait behind its own call).
   */
  readonly afterCall?: (work: () => Promise<void>) => void;
}

export const DEFAULT_REGION = 'us-east-1';

export function createContext(args: {
  /** Tokens' `iss` is this URL followed by `/<poolId>`. */
  issuerBase: string;
  store?: StateStore;
  clock?: Clock;
  deliver?: Deliver;
  otp?: Otp;
  region?: string;
  /** Makes each new pool's key pair; defaults to a new RSA key. */
  newSigningKey?: () => Promise<SigningKey>;
  triggers?: Triggers;
  /** Defaults to PASSWORD_COST. */
  passwordCost?: ScryptCost;
}): CognitoContext {
  const store = args.store ?? StateStore.memory();
  const clock = args.clock ?? systemClock;
  const keys = new Keys(args.newSigningKey);
  const passwordCost = args.passwordCost ?? PASSWORD_COST;
  // The first unknown user should not be the one who pays for making the decoy hash.
  void decoyHash(passwordCost);
  return {
    clock,
    store,
    otp: args.otp ?? totp,
    keys,
    tokens: new TokenService({ store, clock, keys, issuerBase: args.issuerBase }),
    messages: new Messages(args.deliver),
    region: args.region ?? DEFAULT_REGION,
    triggers: args.triggers,
    passwordCost,
  };
}
