import { defineConfig } from 'vitest/config';

/**
 * Browser tests: `npm run test:e2e`. They need Chromium at /usr/bin/chromium, so plain
 * `npm test` (test/**\/*.test.ts) never picks them up.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    env: { LOG_LEVEL: 'SILENT', AWS_REGION: 'eu-west-1' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
