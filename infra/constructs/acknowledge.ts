import { CfnElement, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Accepts one AWS Solutions finding on `scope` and everything under it, with the reason recorded
 * in the construct metadata. Any finding not accepted this way fails the synth.
 */
export function acknowledge(scope: IConstruct, rule: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: `AwsSolutions-${rule}`, reason });
}

/** How cdk-nag names `resource`'s ARN in a finding: `<LogicalId.Arn>`. */
export function arnInFinding(resource: IConstruct): string {
  const element = resource instanceof CfnElement ? resource : resource.node.defaultChild;
  if (!(element instanceof CfnElement)) throw new Error(`${resource.node.path} has no CloudFormation resource.`);
  return `<${Stack.of(element).getLogicalId(element)}.Arn>`;
}
