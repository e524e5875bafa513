import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { Environment } from './config';
import { AuthGatewayStack } from './stack';

/**
 * Adds one environment's stack to the app and checks it against the AWS Solutions rules: an
 * unacknowledged finding fails the synth. Each acknowledgement sits next to what it excuses, with why.
 */
export function buildGateway(app: App, config: Environment): AuthGatewayStack {
  const stack = new AuthGatewayStack(app, config.stackName, {
    config,
    env: { region: config.region, account: config.account },
    description: config.api.description || 'Auth gateway',
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return stack;
}
