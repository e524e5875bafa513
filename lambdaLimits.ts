/**
 * Limits of every gateway function, in one place: CDK deploys them (infra/constructs/functions.ts)
 * and the local runtime enforces them (local/appsync/lambda.ts), so a function that overruns its
 * time offline fails as it would on Lambda.
 */

/** Each function's timeout. Far below AppSync's 30-second request limit, so the API answers first-hand. */
export const FUNCTION_TIMEOUT_SECONDS = 10;

/** Each function's memory; on Lambda the CPU share grows with it. */
export const FUNCTION_MEMORY_MB = 256;
