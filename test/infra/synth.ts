import { App, CfnElement, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { readFileSync } from 'node:fs';
import type { IConstruct } from 'constructs';
import { expect } from 'vitest';
import { EnvironmentError, environmentsDir, loadEnvironment, parseEnvironment, type Environment } from '../../infra/config';
import { buildGateway } from '../../infra/gateway';
import type { AuthGatewayStack } from '../../infra/stack';

export interface Synthesized {
  app: App;
  stack: AuthGatewayStack;
  template: Template;
  config: Environment;
}

/**
 * Options for a fast unit-test app. Bundling is skipped (the templates do not depend on the
 * bundles' content), and so is CDK's CloudFormation schema check, which takes seconds per template
 * and which every `cdk synth` runs anyway.
 */
export const TEST_APP = { context: { 'aws:cdk:bundling-stacks': [] }, builtinCloudFormationValidation: false };

/** Builds and synthesizes the gateway the way infra/app.ts does, cdk-nag included. */
export function synthesize(config: Environment): Synthesized {
  const app = new App(TEST_APP);
  const stack = buildGateway(app, config);
  return { app, stack, template: Template.fromStack(stack), config };
}

const synthesized = new Map<string, Synthesized>();

/** One synth per environment per test file: each takes seconds. */
export function synthesizeEnvironment(name: string): Synthesized {
  const cached = synthesized.get(name) ?? synthesize(loadEnvironment(name));
  synthesized.set(name, cached);
  return cached;
}

/** The dev settings with some replaced, validated like a real file. */
export function devWith(changes: (raw: Record<string, any>) => void): Environment {
  const raw = JSON.parse(readFileSync(`${environmentsDir}/dev.json`, 'utf8'));
  changes(raw);
  return parseEnvironment('test', raw);
}

/** The message an EnvironmentError gives for dev.json with `changes`; fails when the settings are taken. */
export function refusalOf(changes: (raw: Record<string, any>) => void): string {
  try {
    devWith(changes);
  } catch (err) {
    expect(err).toBeInstanceOf(EnvironmentError);
    return (err as Error).message;
  }
  throw new Error('expected the settings to be refused');
}

export function logicalId(construct: IConstruct): string {
  const element = construct instanceof CfnElement ? construct : construct.node.defaultChild;
  if (!(element instanceof CfnElement)) throw new Error(`${construct.node.path} has no CloudFormation resource`);
  return (element.stack as Stack).getLogicalId(element);
}

export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

export const actionsOf = (statement: Statement): string[] => [statement.Action].flat();

/** Every statement of every IAM policy attached to the role with this logical id. */
export function statementsOfRole(template: Template, roleId: string): Statement[] {
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => policy.Properties.Roles.some((role: { Ref?: string }) => role.Ref === roleId))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
}
