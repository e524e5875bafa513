import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder for this run, removed once every file has run: for what outlives a test file (`inject('scratchDir')`). */
    scratchDir: string;
  }
}

/**
 * The run's scratch folder. A stack that test files share (test/attack/stack.ts) ends with its
 * process, after the files' own hooks: its folder is removed here, when the whole run is over.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'auth-gateway-tests-'));
  project.provide('scratchDir', dir);
  return () => rm(dir, { recursive: true, force: true });
}
