import en from 'zod/v4/locales/en.js';
import { config } from 'zod/mini';

/**
 * The schema builder every function uses, imported as `import * as z from './lib/zod'`: zod's
 * functional `zod/mini` API, which esbuild tree-shakes to the rules a function declares. Classic
 * `zod`, and `import { z } from 'zod/mini'` too (a namespace object esbuild must keep whole), put
 * about 420 KB of zod into every bundle. Classic zod registers English messages on first use; mini
 * leaves that to its caller, so it is done here once and rules without a message of their own
 * read as before.
 */
config(en());

export * from 'zod/mini';
