import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/** The client package resolves to its TypeScript source in this repository, as tsconfig.json says. */
const SOURCE_CONDITION = '@auth-gateway/source';

export default defineConfig({
  // Vitest's own default for Node: Vite's server conditions without `module`.
  ssr: { resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions.filter((c) => c !== 'module')] } },
  test: {
    include: ['test/**/*.test.ts'],
    env: { POWERTOOLS_LOG_LEVEL: 'SILENT', AWS_REGION: 'eu-west-1' },
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
