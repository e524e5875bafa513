import { App, Stack } from 'aws-cdk-lib';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEnvironment } from '../../infra/config';
import { GatewayFunction } from '../../infra/constructs/functions';
import { operations } from '../../operations';
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
      const op = operations.find((row) => row.field === name)!;
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
