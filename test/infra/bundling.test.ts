import { App, Stack } from 'aws-cdk-lib';
import type { Metafile } from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnvironment } from '../../infra/config';
import { GatewayFunction } from '../../infra/constructs/functions';
import { FUNCTION_ESBUILD } from '../../infra/functionSettings';
import { functionOperations } from '../../operations';
import { bundleFunctions, functionNames, projectSourcesOf, sdkImportsOf } from '../../scripts/functionBundles';
import { logicalId } from './synth';

/** Clients of the SDK's default credential chain, bundled with every client. */
const CREDENTIAL_CHAIN = new Set(['SSO', 'SSO OIDC', 'STS', 'Signin']);

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

  it('include the SDK clients they call and no other', () => {
    expect(sdkClientsIn('createUser')).toEqual(['Cognito Identity Provider']);
    expect(sdkClientsIn('confirmUser')).toEqual(['Cognito Identity Provider', 'S3']);
  });

  it('bundle the SDK instead of importing it from the runtime', () => {
    for (const name of bundles.keys()) expect(/from\s*["']@aws-sdk\/|import\(["']@aws-sdk\//.test(codeOf(name))).toBe(false);
  });

  it('load in Node and answer through defineOperation, CommonJS dependencies included', async () => {
    const { handler } = await import(pathToFileURL(join(bundles.get('confirmUser')!, 'index.mjs')).href);
    const result = await handler({ field: 'confirmUser', arguments: { input: {} } }, { awsRequestId: 'bundle-test' });
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

/** Every function bundled with CDK's esbuild settings, one esbuild run, to keep what Lambda loads small. */
describe('every function bundle', () => {
  const names = functionNames();
  let outdir: string;
  let metafile: Metafile;
  const fileOf = (name: string) => join(outdir, `${name}.mjs`);
  const codeOf = (name: string) => readFileSync(fileOf(name), 'utf8');
  const sdkClientsIn = (name: string) =>
    [...new Set([...codeOf(name).matchAll(/serviceId\?\?"([^"]+)"/g)].map((m) => m[1]!))].filter((id) => !CREDENTIAL_CHAIN.has(id)).sort();

  beforeAll(async () => {
    outdir = mkdtempSync(join(tmpdir(), 'function-bundles-'));
    metafile = await bundleFunctions(names, outdir);
  }, 120_000);
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('covers every handler in functions/', () => {
    expect(names).toContain('login');
    expect(names.length).toBeGreaterThanOrEqual(functionOperations.length);
  });

  /** Bytes of the bundle that came from files whose path contains `part`. */
  const bytesFrom = (name: string, part: string) => {
    const output = Object.entries(metafile.outputs).find(([path]) => path.endsWith(`/${name}.mjs`))![1];
    return Object.entries(output.inputs)
      .filter(([path]) => path.includes(part))
      .reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
  };

  it('validate with valibot, tree-shaken to the rules they declare, and carry no zod', () => {
    for (const name of names) {
      expect(bytesFrom(name, 'node_modules/zod/'), name).toBe(0);
      // Classic zod names its base class "ZodType", zod/mini "ZodMiniType".
      expect(/"Zod(Mini)?Type"/.test(codeOf(name)), name).toBe(false);
      // A function's rules take about 5 KB of valibot; the whole package is over 100 KB minified.
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

  it('carry no copy of operations.ts, only the token flags built in from it', async () => {
    for (const name of names) {
      const output = Object.entries(metafile.outputs).find(([path]) => path.endsWith(`/${name}.mjs`))![1];
      expect(Object.keys(output.inputs).filter((path) => path.endsWith('operations.ts')), name).toEqual([]);
      expect(codeOf(name).includes('cognito-idp:AdminCreateUser'), name).toBe(false);
    }
    // The flag still holds in the bundle: logout takes a token, and is refused without one before any call.
    const { handler } = await import(pathToFileURL(fileOf('logout')).href);
    const refused = await handler({ field: 'logout', arguments: {} }, { awsRequestId: 'bundle-test' });
    expect(refused.error.errorType).toBe('NotAuthorized');
    const withoutToken = (JSON.parse(FUNCTION_ESBUILD.define.OPERATIONS_WITHOUT_TOKEN) as string).split(',');
    expect(withoutToken).toEqual(expect.arrayContaining(['createUser', 'login', 'forgotPassword', 'adminGetUser']));
    expect(withoutToken).not.toContain('logout');
    expect(withoutToken).not.toContain('changePassword');
  });

  it('contain exactly the SDK clients of the packages their code imports', () => {
    for (const name of names) {
      const imports = sdkImportsOf(projectSourcesOf(metafile, fileOf(name)));
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
