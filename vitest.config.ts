import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/** The client package resolves to its TypeScript source in this repository, as tsconfig.json says. */
const SOURCE_CONDITION = '@auth-gateway/source';

/**
 * Files that replace a module (vi.mock) get a fresh process each. Every other file shares one
 * process per worker, so the AWS SDK, aws-cdk-lib and the local stack are imported once per worker
 * instead of once per file: that import was most of the suite's CPU time. A shared file puts back
 * what it changes in the process (test/setup/hermetic.ts does it for the environment, timers and
 * SDK mocks); the Amplify files configure Amplify, storage included, before their own tests and put
 * back the global fetch they wrap.
 */
export const ISOLATED = [
  'test/resolvers.test.ts',
  'test/local/cognito/timingParity.test.ts',
];

export default defineConfig({
  // Vitest's own default for Node: Vite's server conditions without `module`.
  ssr: { resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions.filter((c) => c !== 'module')] } },
  test: {
    // Functions write no EMF lines in tests but test/functions/lib/metrics.test.ts, which reads them.
    env: { LOG_LEVEL: 'SILENT', METRICS_DISABLED: 'true', AWS_REGION: 'eu-west-1' },
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Vitest's default leaves one core to itself (cores - 1): on two cores that ran one file at a time.
    maxWorkers: 2,
    // A young generation of 32 MB instead of V8's 16: the suite allocates a lot (CDK synths, the
    // SDK in every function environment), and fewer scavenges took 3–5% off its CPU time.
    execArgv: ['--max-semi-space-size=32'],
    setupFiles: ['test/setup/hermetic.ts'],
    globalSetup: ['test/setup/bundles.ts', 'test/setup/scratch.ts'],
    projects: [
      { extends: true, test: { name: 'isolated', include: ISOLATED, isolate: true } },
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: ISOLATED, isolate: false } },
    ],
  },
});
