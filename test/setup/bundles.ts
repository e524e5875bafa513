import { prepareBundles } from '../../local/lambda/bundle';
import { functionOperations, triggers } from '../../operations';

/**
 * Builds every function's bundle once, before any test file runs. The offline stacks that test
 * files start then find them in the cache; without this, the first files on each worker would
 * each build all of them at once, inside a hook's time limit, on a fresh clone.
 */
export default async function setup(): Promise<void> {
  await prepareBundles([...functionOperations.map((op) => op.field), ...triggers.map((trigger) => trigger.name)]);
}
