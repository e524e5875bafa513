import en from 'zod/v4/locales/en.js';
import { z } from 'zod/mini';

/**
 * The schema builder every function uses: zod's functional `zod/mini` API, which a bundler
 * tree-shakes to the rules a function declares (classic `zod` bundles whole, about 450 KB, into
 * every function). Classic zod registers English messages on first use; mini leaves that to its
 * caller, so it is done here once and rules without their own message read as before.
 */
z.config(en());

export { z };
