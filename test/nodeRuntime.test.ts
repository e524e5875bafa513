import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLING } from '../infra/constructs/functions';

/**
 * Tests, the local stack and the scripts run on the Node.js major that Lambda runs the functions
 * on: npm scripts find `node` in node_modules/.bin first, and the node-<platform> packages put it
 * there (README: Node.js version).
 */
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  engines: { node: string };
  optionalDependencies: Record<string, string>;
};
const lambdaMajor = Number(/^node(\d+)$/.exec(String(BUNDLING.target))?.[1]);

describe('Node.js version', () => {
  it('runs this test on the major Lambda runs the functions on', () => {
    expect(lambdaMajor).toBeGreaterThan(0);
    expect(Number(process.versions.node.split('.')[0])).toBe(lambdaMajor);
  });

  it('runs this test on the exact version package.json pins for every platform', () => {
    const nodeBinaries = Object.entries(pkg.optionalDependencies).filter(([name]) => /^node(-bin)?-[a-z]+-[a-z0-9]+$/.test(name));
    expect(nodeBinaries.length).toBeGreaterThan(0);
    for (const [, version] of nodeBinaries) expect(version).toBe(process.versions.node);
  });

  it('declares that major in engines', () => {
    expect(pkg.engines.node).toBe(`${lambdaMajor}.x`);
  });
});
