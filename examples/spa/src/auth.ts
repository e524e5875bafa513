import { createAuthClient, type DataOf } from '@auth-gateway/client';

/** Tokens stay in memory: a reload signs the user out, and no other script can read them from storage. */
export const auth = createAuthClient({ url: __GATEWAY__.graphqlUrl, apiKey: __GATEWAY__.apiKey });

export type MfaSetup = NonNullable<DataOf<'login'>['mfaSetup']>;
export type User = DataOf<'me'>;
export type Passkey = DataOf<'listPasskeys'>['passkeys'][number];
