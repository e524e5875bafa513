import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type LocalStack } from '../../local/stack';

/**
 * What an app in another repository does: install the packed @auth-gateway/client from its tarball
 * (offline: it has no dependencies), type-check against its declarations, and call the API.
 */
const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const TSC = join(root, 'node_modules/typescript/bin/tsc');
const ALL_FREE = { graphql: 0, cognito: 0, s3: 0, ses: 0 };
/**
 * A guard against a hung command, not a speed check: npm pack (which builds with tsc), npm install
 * and tsc take about 10 s of CPU together, and on a busy machine several times that in wall time.
 */
const LIMIT = { timeout: 120_000 };
const TEST_LIMIT_MS = 4 * LIMIT.timeout;

/** The app: plain ES modules on Node, as strict as TypeScript gets, with nothing but the package. */
const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    lib: ['ES2022', 'DOM'],
    types: [],
    strict: true,
    noUncheckedIndexedAccess: true,
    // The package's declarations are checked; TypeScript's own lib files need not be.
    skipLibCheck: false,
    skipDefaultLibCheck: true,
    outDir: 'out',
  },
  include: ['app.ts'],
};

const app = (url: string, apiKey: string) => `
import { AuthError, createAuthClient, type DataOf, type SessionEndReason } from '@auth-gateway/client';
import type { LoginMutationVariables } from '@auth-gateway/client/documents';

const ended: SessionEndReason[] = [];
const auth = createAuthClient({ url: ${JSON.stringify(url)}, apiKey: ${JSON.stringify(apiKey)}, onSessionEnd: (reason) => void ended.push(reason) });
const variables: LoginMutationVariables = { input: { email: 'nobody@example.com', password: 'Not-the-password-1' } };
// @ts-expect-error the declarations know LoginInput: it has no field \`mail\`.
void (() => auth.login({ input: { mail: 'nobody@example.com', password: 'x' } }));
try {
  const step: DataOf<'login'> = await auth.login(variables);
  console.log(JSON.stringify({ answered: step.verificationType }));
} catch (error) {
  if (!(error instanceof AuthError)) throw error;
  console.log(JSON.stringify({ name: error.name, errorType: error.errorType, message: error.message, ended }));
}
`;

describe('the packed client package, installed in an empty project', () => {
  let dir = '';
  let stack: LocalStack | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'client-package-'));
    stack = await startStack({ dataDir: join(dir, 'stack'), ports: ALL_FREE });
  });

  afterAll(async () => {
    await stack?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('installs offline with no dependency, type-checks against its .d.ts, and answers a wrong password with AuthError NotAuthorized', async () => {
    // prepack builds dist/ first, as for a publish.
    const { stdout: packed } = await run('npm', ['pack', '--workspace', '@auth-gateway/client', '--pack-destination', dir, '--json'], { cwd: root, ...LIMIT });
    const [{ filename, files }] = JSON.parse(packed) as [{ filename: string; files: { path: string }[] }];
    const paths = files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['package.json', 'README.md', 'dist/index.js', 'dist/index.d.ts', 'operations/login.graphql']));
    expect(paths.filter((p) => p.startsWith('src/') || p.endsWith('.ts') && !p.endsWith('.d.ts'))).toEqual([]);

    const project = join(dir, 'app');
    await run('mkdir', [project]);
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'outside-app', private: true, type: 'module' }));
    await run('npm', ['install', join(dir, filename), '--offline', '--no-audit', '--no-fund'], { cwd: project, ...LIMIT });
    const installed = JSON.parse(await readFile(join(project, 'node_modules/@auth-gateway/client/package.json'), 'utf8')) as Record<string, unknown>;
    expect(installed.dependencies).toBeUndefined();
    expect(await readdir(join(project, 'node_modules'))).toEqual(['.package-lock.json', '@auth-gateway']);

    const { graphqlUrl, apiKey } = stack!.info;
    await writeFile(join(project, 'tsconfig.json'), JSON.stringify(TSCONFIG));
    await writeFile(join(project, 'app.ts'), app(graphqlUrl, apiKey));
    await run(process.execPath, [TSC, '-p', project], { cwd: project, ...LIMIT });

    const { stdout } = await run(process.execPath, [join(project, 'out/app.js')], { cwd: project, ...LIMIT });
    expect(JSON.parse(stdout)).toEqual({ name: 'AuthError', errorType: 'NotAuthorized', message: 'Incorrect e-mail or password.', ended: [] });
  }, TEST_LIMIT_MS);
});
