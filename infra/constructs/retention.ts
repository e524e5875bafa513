import { RemovalPolicy } from 'aws-cdk-lib';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { Environment } from '../config';

/** What happens to stateful resources (pool, key, bucket, log groups) when the stack is deleted. */
export function removalPolicyOf(config: Environment): RemovalPolicy {
  return config.removalPolicy === 'retain' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
}

/**
 * Log groups are created by the stack, not by the services on first write, so they have a
 * retention and no role needs logs:CreateLogGroup. Logs carry metadata only; 90 days covers
 * incident reviews.
 */
export function createLogGroup(scope: Construct, id: string, config: Environment, logGroupName?: string): LogGroup {
  return new LogGroup(scope, id, {
    logGroupName,
    retention: RetentionDays.THREE_MONTHS,
    removalPolicy: removalPolicyOf(config),
  });
}
