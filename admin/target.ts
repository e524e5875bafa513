import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadEnvironment } from '../infra/config';
import type { StackInfo } from '../local/stack';
import type { AdminTarget } from './api';

/** The target could not be found or reached: no stack output, no stack.json, no credentials. */
export class TargetError extends Error {
  override name = 'TargetError';
}

/** `--local`: the offline stack's URL and operator keys, from the stack.json `npm start` writes. */
export async function localTarget(dataDir = '.local'): Promise<AdminTarget> {
  const file = join(resolve(dataDir), 'stack.json');
  let info: StackInfo;
  try {
    info = JSON.parse(await readFile(file, 'utf8')) as StackInfo;
  } catch {
    throw new TargetError(`No offline stack found: ${file} is missing. Start one with npm start.`);
  }
  if (!info.operator) throw new TargetError(`${file} has no operator keys: restart the offline stack.`);
  const { accessKeyId, secretAccessKey } = info.operator;
  return { graphqlUrl: info.graphqlUrl, region: info.region, credentials: async () => ({ accessKeyId, secretAccessKey }) };
}

/**
 * `--env <name>`: the deployed stack of infra/environments/<name>.json. Its GraphQL URL is the
 * stack's GraphqlUrl output; credentials come from the standard AWS chain (environment, profile,
 * SSO, instance or container role), and need the stack's AdminPolicyArn policy.
 */
export async function deployedTarget(envName: string, profile?: string): Promise<AdminTarget> {
  const env = loadEnvironment(envName);
  const credentials = fromNodeProviderChain(profile ? { profile } : {});
  const cloudFormation = new CloudFormationClient({ region: env.region, credentials });
  let url: string | undefined;
  try {
    const out = await cloudFormation.send(new DescribeStacksCommand({ StackName: env.stackName }));
    url = out.Stacks?.[0]?.Outputs?.find((o) => o.OutputKey === 'GraphqlUrl')?.OutputValue;
  } catch (err) {
    throw new TargetError(`Could not read stack ${env.stackName} in ${env.region}: ${(err as Error).message}`);
  }
  if (!url) throw new TargetError(`Stack ${env.stackName} in ${env.region} has no GraphqlUrl output: is it deployed?`);
  return { graphqlUrl: url, region: env.region, credentials };
}
