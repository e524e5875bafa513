import { App, Stack } from 'aws-cdk-lib';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEnvironment } from '../../infra/config';
import { GatewayFunction } from '../../infra/constructs/functions';
import { FUNCTION_ESBUILD } from '../../infra/functionSettings';
import { bundleContents, prepareBundles, type BundleContents } from '../../local/lambda/bundle';
import { functionOperations } from '../../operations';
import { functionNames, sdkImportsOf } from '../../scripts/functionBundles';
import { logicalId } from './synth';

/** Clients of the SDK's default credential chain, bundled with every client. */
const CREDENTIAL_CHAIN = new Set(['SSO', 'SSO OIDC', 'STS', 'Signin']);

/**
 * What the handler of the bundle at `url` answers `event`, loaded by Node itself in a worker thread
 * as Lambda's runtime loads it: a dynamic import in this file would go through Vitest's module
 * runner, which transforms the whole bundle first.
 */
function answerInNode(url: string, event: unknown): Promise<unknown> {
  const script = `const { parentPort, workerData } = require('node:worker_threads');
import(workerData.url)
  .then(({ handler }) => handler(workerData.event, { awsRequestId: 'bundle-test' }))
  .then((result) => parentPort.postMessage({ result }), (err) => parentPort.postMessage({ failed: String(err) }));`;
  const worker = new Worker(script, { eval: true, workerData: { url, event } });
  return new Promise<unknown>((resolve, reject) => {
    worker.once('message', (reply: { result?: unknown; failed?: string }) => (reply.failed === undefined ? resolve(reply.result) : reject(new Error(reply.failed))));
    worker.once('error', reject);
  }).finally(() => worker.terminate());
}

/** Really bundles two functions with the project's esbuild, as `cdk synth` does for all of them. */
describe('function bundles', () => {
  const bundles = new Map<string, string>();
  const codeOf = (name: string) => readFileSync(join(bundles.get(name)!, 'index.mjs'), 'utf8');
  /** Each SDK client's configuration names its service: `serviceId??"S3"`, even minified. */
  const sdkClientsIn = (name: string) =>
    [...new Set([...codeOf(name).matchAll(/serviceId\?\?"([^"]+)"/g)].map((m) => m[1]!))].filter((id) => !CREDENTIAL_CHAIN.has(id)).sort();

  beforeAll(() => {
    const app = new App({ builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'Bundles', { env: { region: 'eu-west-1' } });
    const config = loadEnvironment('dev');
    const functions = ['createUser', 'confirmUser'].map((name) => {
      const op = functionOperations.find((row) => row.field === name)!;
      return new GatewayFunction(stack, name, {
        name,
        config,
        environment: {},
        actions: op.iam,
        targets: { userPoolArn: 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_Test' },
      });
    });
    const assembly = app.synth();
    const template = assembly.getStackByName('Bundles').template;
    for (const fn of functions) {
      // The staged bundle is `asset.<hash>`, uploaded as `<hash>.zip`.
      const s3Key: string = template.Resources[logicalId(fn.function)].Properties.Code.S3Key;
      bundles.set(fn.node.id, join(assembly.directory, `asset.${s3Key.replace(/\.zip$/, '')}`));
    }
  }, 120_000);

  it('are single ES modules with a source map', () => {
    for (const dir of bundles.values()) {
      expect(existsSync(join(dir, 'index.mjs'))).toBe(true);
      expect(existsSync(join(dir, 'index.mjs.map'))).toBe(true);
    }
  });

  it("ship a map naming the project's TypeScript files, which framesOf reads to log a failure's frames", () => {
    const map = JSON.parse(readFileSync(join(bundles.get('confirmUser')!, 'index.mjs.map'), 'utf8')) as { sources: string[] };
    // Relative to where CDK bundled, outside the project: `../../<checkout>/functions/confirmUser.ts`.
    const own = map.sources.filter((source) => !source.includes('node_modules'));
    for (const file of ['functions/confirmUser.ts', 'functions/lib/frames.ts', 'functions/lib/operation.ts']) {
      expect(own.some((source) => source.endsWith(`/${file}`))).toBe(true);
    }
  });

  it('include the SDK clients they call and no other', () => {
    expect(sdkClientsIn('createUser')).toEqual(['Cognito Identity Provider']);
    expect(sdkClientsIn('confirmUser')).toEqual(['Cognito Identity Provider', 'S3']);
  });

  it('bundle the SDK instead of importing it from the runtime', () => {
    for (const name of bundles.keys()) expect(/from\s*["']@aws-sdk\/|import\(["']@aws-sdk\//.test(codeOf(name))).toBe(false);
  });

  it('load in Node and answer through defineOperation, CommonJS dependencies included', async () => {
    const url = pathToFileURL(join(bundles.get('confirmUser')!, 'index.mjs')).href;
    const result = (await answerInNode(url, { field: 'confirmUser', arguments: { input: {} } })) as { error: { errorType: string } };
    expect(result.error.errorType).toBe('ValidationError');
  });
});

/** The service id each SDK package's client names in a bundle. */
const SERVICE_OF_PACKAGE: Record<string, string> = {
  '@aws-sdk/client-cognito-identity-provider': 'Cognito Identity Provider',
  '@aws-sdk/client-s3': 'S3',
  '@aws-sdk/s3-request-presigner': 'S3',
  '@aws-sdk/client-sesv2': 'SESv2',
  '@aws-sdk/client-appsync': 'AppSync',
};

/** The service of one backend call as operations.ts lists it: `S3 PutObject`, `SES SendEmail`, else Cognito. */
const serviceOfCall = (call: string) => (call.startsWith('S3 ') ? 'S3' : call.startsWith('SES ') ? 'SESv2' : 'Cognito Identity Provider');

/**
 * Every function built with CDK's esbuild settings, to keep what Lambda loads small: the builds
 * the offline stack runs (local/lambda/bundle.ts), which test/setup/bundles.ts has already made.
 * They add only the local runtime around the handler (local/lambda/bootstrap.ts, which imports no
 * package) and share chunks between functions; the modules a function loads are the ones its
 * deployed bundle holds, so what each test below looks for (a package, a file, an SDK client) is
 * there offline exactly when it is there on Lambda. Sizes are `npm run bench:functions`'s to measure.
 */
describe('every function bundle', () => {
  const names = functionNames();
  const contents = new Map<string, BundleContents>();
  const codeOf = (name: string) => contents.get(name)!.files.map((file) => readFileSync(file, 'utf8')).join('\n');
  const sdkClientsIn = (name: string) =>
    [...new Set([...codeOf(name).matchAll(/serviceId\?\?"([^"]+)"/g)].map((m) => m[1]!))].filter((id) => !CREDENTIAL_CHAIN.has(id)).sort();
  /** The project's own files in the bundle: not a package's, not the generated entry. */
  const projectSourcesIn = (name: string) =>
    Object.keys(contents.get(name)!.bytesIn).filter((path) => !path.includes('node_modules') && !path.startsWith('gateway-function:'));

  beforeAll(async () => {
    await prepareBundles(names);
    for (const name of names) contents.set(name, await bundleContents(name));
  }, 120_000);

  it('covers every handler in functions/', () => {
    expect(names).toContain('login');
    expect(names.length).toBeGreaterThanOrEqual(functionOperations.length);
  });

  /** Bytes of the bundle that came from files whose path contains `part`. */
  const bytesFrom = (name: string, part: string) =>
    Object.entries(contents.get(name)!.bytesIn)
      .filter(([path]) => path.includes(part))
      .reduce((sum, [, bytes]) => sum + bytes, 0);

  it('validate with valibot, tree-shaken to the rules they declare, and carry no zod', () => {
    for (const name of names) {
      expect(bytesFrom(name, 'node_modules/zod/'), name).toBe(0);
      // Classic zod names its base class "ZodType", zod/mini "ZodMiniType".
      expect(/"Zod(Mini)?Type"/.test(codeOf(name)), name).toBe(false);
      // The rules of every function together take about 6 KB of valibot; the whole package is over 100 KB minified.
      expect(bytesFrom(name, 'node_modules/valibot/'), name).toBeLessThan(12_000);
    }
    expect(bytesFrom('login', 'node_modules/valibot/')).toBeGreaterThan(0);
  });

  it('draw QR codes with lean-qr, without qrcode or pngjs, and only where one is drawn', () => {
    for (const name of names) {
      expect(bytesFrom(name, 'node_modules/qrcode/'), name).toBe(0);
      expect(bytesFrom(name, 'node_modules/pngjs/'), name).toBe(0);
    }
    for (const name of ['login', 'confirmUser', 'recoverAccount', 'replaceAuthenticator']) expect(bytesFrom(name, 'node_modules/lean-qr/'), name).toBeGreaterThan(0);
    for (const name of ['confirmMfa', 'confirmReplaceAuthenticator', 'resendMfaQrCode', 'createUser']) expect(bytesFrom(name, 'node_modules/lean-qr/'), name).toBe(0);
  });

  // test/local/workers.test.ts runs the logout bundle without a token: refused before any call.
  it('carry no copy of operations.ts, only the token flags built in from it', () => {
    for (const name of names) {
      expect(Object.keys(contents.get(name)!.bytesIn).filter((path) => path.endsWith('operations.ts')), name).toEqual([]);
      expect(codeOf(name).includes('cognito-idp:AdminCreateUser'), name).toBe(false);
    }
    const withoutToken = (JSON.parse(FUNCTION_ESBUILD.define.OPERATIONS_WITHOUT_TOKEN) as string).split(',');
    expect(withoutToken).toEqual(expect.arrayContaining(['createUser', 'login', 'forgotPassword', 'startPasskeySignIn', 'adminGetUser']));
    expect(withoutToken).not.toContain('logout');
    expect(withoutToken).not.toContain('changePassword');
    expect(withoutToken).not.toContain('finishPasskeyRegistration');
  });

  it('contain exactly the SDK clients of the packages their code imports', () => {
    for (const name of names) {
      const imports = sdkImportsOf(projectSourcesIn(name));
      const imported = [...new Set([...imports.keys()].map((pkg) => SERVICE_OF_PACKAGE[pkg] ?? pkg))].sort();
      expect(sdkClientsIn(name), name).toEqual(imported);
    }
  });

  it('contain only the SDK clients of the calls operations.ts lists', () => {
    for (const op of functionOperations) {
      const services = [...new Set(op.calls.map(serviceOfCall))].sort();
      expect(sdkClientsIn(op.field), op.field).toEqual(services);
    }
  });
});
