import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { UserPoolTriggers } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { Policy } from 'aws-cdk-lib/aws-iam';
import { functionOperations, triggers, type IamAction, type OperationField } from '../operations';
import type { Environment } from './config';
import { GatewayApi } from './constructs/api';
import { CustomDomainRecord, customDomainOptions } from './constructs/domain';
import { GatewayFunction, type GatewayFunctionProps } from './constructs/functions';
import { operationEnvironment, sharedEnvironment } from './functionSettings';
import { MfaArchive } from './constructs/mfaArchive';
import { Monitoring } from './constructs/monitoring';
import { statementsFor, type GrantTargets } from './constructs/permissions';
import { Users } from './constructs/userPool';
import { Firewall } from './constructs/waf';

export interface AuthGatewayStackProps extends StackProps {
  readonly config: Environment;
}

/** The whole gateway for one environment, built from its settings and the operations table. */
export class AuthGatewayStack extends Stack {
  /** Every function (operations and triggers) by its file name in functions/. */
  readonly functions = new Map<string, GatewayFunction>();
  readonly users: Users;
  readonly archive?: MfaArchive;
  readonly api: GatewayApi;
  readonly firewall?: Firewall;
  readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props: AuthGatewayStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.archive = config.mfa.qrArchive ? new MfaArchive(this, 'MfaArchive', { config }) : undefined;
    const environment = sharedEnvironment(config, this.archive?.bucket.bucketName);
    const targets: GrantTargets = {
      qrCodes: this.archive,
      sesIdentityArn: config.email?.sesIdentityArn,
    };

    // Triggers come first: the pool names them, so their own policy cannot name the pool. Their
    // actions on the pool go into a second policy, made after the pool, that nothing waits for.
    const poolTriggers: UserPoolTriggers = {};
    const onPool = (action: IamAction) => action.startsWith('cognito-idp:');
    for (const trigger of triggers) {
      const fn = this.addFunction(trigger.name, { config, environment, actions: trigger.iam.filter((a) => !onPool(a)), targets });
      Object.assign(poolTriggers, { [trigger.trigger]: fn.function });
    }
    this.users = new Users(this, 'Users', { config, triggers: poolTriggers });
    for (const trigger of triggers) {
      const poolActions = trigger.iam.filter(onPool);
      if (poolActions.length === 0) continue;
      const fn = this.functions.get(trigger.name)!;
      new Policy(fn, 'PoolPolicy', {
        roles: [fn.role],
        statements: statementsFor(`functions/${trigger.name}.ts`, poolActions, { userPoolArn: this.users.userPool.userPoolArn }),
      });
    }

    const operationFunctions = new Map<OperationField, IFunction>();
    const pool = { userPoolId: this.users.userPool.userPoolId, clientId: this.users.client.userPoolClientId };
    // Fields served by Cognito directly (data source `cognito`) have no function.
    for (const op of functionOperations) {
      const fn = this.addFunction(op.field, {
        config,
        environment: operationEnvironment(environment, pool),
        actions: op.iam,
        targets: { ...targets, userPoolArn: this.users.userPool.userPoolArn },
      });
      operationFunctions.set(op.field, fn.function);
    }

    this.api = new GatewayApi(this, 'Api', {
      config,
      functions: operationFunctions,
      userPoolClientId: this.users.client.userPoolClientId,
      domainName: config.customDomain ? customDomainOptions(this, config.customDomain) : undefined,
    });
    if (config.customDomain) {
      new CustomDomainRecord(this, 'CustomDomain', { api: this.api.api, domain: config.customDomain });
      new CfnOutput(this, 'CustomGraphqlUrl', { value: `https://${config.customDomain.domainName}/graphql` });
    }
    this.firewall = config.waf ? new Firewall(this, 'Waf', { config, waf: config.waf, api: this.api.api, userPool: this.users.userPool }) : undefined;

    this.monitoring = new Monitoring(this, 'Monitoring', { config, api: this.api.api, functions: this.functions, firewall: this.firewall });

    new CfnOutput(this, 'GraphqlUrl', { value: this.api.api.graphqlUrl });
    new CfnOutput(this, 'ApiKey', { value: this.api.api.apiKey ?? '', description: 'Send as the x-api-key header' });
    new CfnOutput(this, 'UserPoolId', { value: this.users.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.users.client.userPoolClientId });
    if (this.archive) new CfnOutput(this, 'MfaBucketName', { value: this.archive.bucket.bucketName });
    new CfnOutput(this, 'AdminPolicyArn', {
      value: this.api.adminPolicy.managedPolicyArn,
      description: 'Attach to an operator role: allows the admin fields (IAM-signed) and nothing else',
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.monitoring.topic.topicArn, description: 'Every alarm notifies this SNS topic' });
    new CfnOutput(this, 'DashboardName', { value: this.monitoring.dashboard.dashboardName });
  }

  private addFunction(name: string, props: Omit<GatewayFunctionProps, 'name'>): GatewayFunction {
    const fn = new GatewayFunction(this, `${name}Function`, { name, ...props });
    this.functions.set(name, fn);
    return fn;
  }
}
