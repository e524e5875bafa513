import { prepareBundles } from '../../local/lambda/bundle';
import { functionNames } from '../../scripts/functionBundles';

/**
 * Builds every function in functions/ once, before any test file runs. The offline stacks that
 * test files start then find them in the cache; without this, the first files on each worker would
 * each build all of them at once, inside a hook's time limit, on a fresh clone. Every one of them,
 * the scheduled apiKeyExpiry too: no test file then builds while another reads the cache.
 */
export default async function setup(): Promise<void> {
  await prepareBundles(functionNames());
}
