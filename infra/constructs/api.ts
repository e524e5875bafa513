import { Duration, Expiration, Stack } from 'aws-cdk-lib';
import {
  AuthorizationType,
  CfnGraphQLApi,
  Code,
  Definition,
  FieldLogLevel,
  FunctionRuntime,
  GraphqlApi,
  IamResource,
  IntrospectionConfig,
  Resolver,
  type BaseDataSource,
  type DomainOptions,
} from 'aws-cdk-lib/aws-appsync';
import { ManagedPolicy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';
import { adminOperations, dataSourceOf, operations, type OperationField } from '../../operations';
import { bundleResolver } from '../bundleResolver';
import type { Environment } from '../config';
import { apiEnvironment } from '../functionSettings';
import { acknowledge, arnInFinding } from './acknowledge';
import { createLogGroup } from './retention';

const schemaFile = fileURLToPath(new URL('../../schema.graphql', import.meta.url));

export interface GatewayApiProps {
  readonly config: Environment;
  /** The function serving each field of the operations table whose data source is `lambda`. */
  readonly functions: ReadonlyMap<OperationField, IFunction>;
  /** The app client the fields served by Cognito directly name in their calls (`ctx.env.USER_POOL_CLIENT_ID`). */
  readonly userPoolClientId: string;
  readonly domainName?: DomainOptions;
}

/**
 * The GraphQL API: the API key for the app's users, IAM (SigV4) for operators on the admin
 * fields, one APPSYNC_JS unit resolver per operation, each invoking its own function, or, for
 * the rows whose data source is `cognito`, calling Cognito's public API through one HTTP data source.
 */
export class GatewayApi extends Construct {
  readonly api: GraphqlApi;
  /** Allows appsync:GraphQL on exactly the admin fields: attach it to an operator role. */
  readonly adminPolicy: ManagedPolicy;

  constructor(scope: Construct, id: string, props: GatewayApiProps) {
    super(scope, id);
    const { config } = props;
    this.api = new GraphqlApi(this, 'Api', {
      name: config.api.name,
      definition: Definition.fromFile(schemaFile),
      authorizationConfig: {
        defaultAuthorization: {
          authorizationType: AuthorizationType.API_KEY,
          apiKeyConfig: {
            description: config.api.description || undefined,
            expires: Expiration.after(Duration.days(config.api.apiKeyExpiryDays)),
          },
        },
        // Fields choose their mode in schema.graphql: @aws_api_key for users, @aws_iam for admin fields.
        additionalAuthorizationModes: [{ authorizationType: AuthorizationType.IAM }],
      },
      xrayEnabled: true,
      queryDepthLimit: config.api.queryDepthLimit,
      // Every operation is one root field with one resolver, so a limit of 1 refuses a second
      // operation in the same request (aliases or several fields): each request is one operation,
      // counted once by the WAF rate rules. "The maximum number of resolvers that can be invoked in
      // a single request": https://docs.aws.amazon.com/appsync/latest/APIReference/API_GraphqlApi.html
      resolverCountLimit: config.api.resolverCountLimit,
      introspectionConfig: config.api.introspection ? IntrospectionConfig.ENABLED : IntrospectionConfig.DISABLED,
      domainName: props.domainName,
      environmentVariables: apiEnvironment(config, props.userPoolClientId),
    });
    this.logFields(config);

    let cognito: BaseDataSource | undefined;
    for (const op of operations) {
      const source = dataSourceOf(op.field) === 'cognito' ? (cognito ??= this.cognitoSource()) : this.functionSource(op.field, props.functions);
      new Resolver(this, `${op.field}Resolver`, {
        api: this.api,
        typeName: op.type,
        fieldName: op.field,
        dataSource: source,
        runtime: FunctionRuntime.JS_1_0_0,
        code: Code.fromInline(bundleResolver(op.field)),
      });
    }

    this.adminPolicy = new ManagedPolicy(this, 'AdminPolicy', {
      description: `Calls the admin fields of ${config.api.name} (and nothing else of it)`,
      statements: [
        new PolicyStatement({
          actions: ['appsync:GraphQL'],
          // arn:aws:appsync:<region>:<account>:apis/<id>/types/<type>/fields/<field>
          // https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsappsync.html
          resources: adminOperations.flatMap((op) => IamResource.ofType(op.type, op.field).resourceArns(this.api)),
        }),
      ],
    });
  }

  private functionSource(field: OperationField, functions: ReadonlyMap<OperationField, IFunction>): BaseDataSource {
    const fn = functions.get(field);
    if (!fn) throw new Error(`No function for ${field}.`);
    const source = this.api.addLambdaDataSource(`${field}Source`, fn, { name: `${field}Function` });
    acknowledge(
      source,
      `IAM5[Resource::${arnInFinding(fn)}:*]`,
      "CDK's invoke grant also covers the versions and aliases of this one function, nothing else.",
    );
    return source;
  }

  /**
   * Cognito's regional endpoint as an HTTP data source, unsigned: the actions called through it
   * (GetUser, GetTokensFromRefreshToken, RespondToAuthChallenge) are public, authorized by the
   * token or session they carry, so the data source's role is granted nothing.
   * https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-http-js.html
   * https://docs.aws.amazon.com/general/latest/gr/cognito_identity.html (endpoints)
   */
  private cognitoSource(): BaseDataSource {
    const stack = Stack.of(this);
    return this.api.addHttpDataSource('CognitoSource', `https://cognito-idp.${stack.region}.${stack.urlSuffix}`, {
      name: 'Cognito',
      description: 'Cognito user pool API (public actions, unsigned)',
    });
  }

  /**
   * AppSync logs to the group the stack creates, with a retention. The settings go on the
   * CloudFormation resource: the L2 `logConfig` would add a log-retention Lambda with a wildcard
   * role. With `api.fieldLogLevel` NONE there is nothing to write: no role, no group.
   */
  private logFields(config: Environment): void {
    if (config.api.fieldLogLevel === 'NONE') {
      acknowledge(this.api, 'ASC3', 'Field logging is off in this environment (api.fieldLogLevel NONE); every function still logs each call\'s outcome.');
      return;
    }
    const logsRole = new Role(this, 'LogsRole', {
      assumedBy: new ServicePrincipal('appsync.amazonaws.com'),
      description: 'Writes the API field logs',
    });
    const logGroup = createLogGroup(this, 'Logs', config, `/aws/appsync/apis/${this.api.apiId}`);
    (this.api.node.defaultChild as CfnGraphQLApi).logConfig = {
      cloudWatchLogsRoleArn: logsRole.roleArn,
      fieldLogLevel: FieldLogLevel[config.api.fieldLogLevel],
      // Verbose content would log request headers (access tokens) and resolver payloads (passwords).
      excludeVerboseContent: true,
    };
    logsRole.addToPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );
    acknowledge(
      this.api,
      'ASC3',
      `Field logs are on at ${config.api.fieldLogLevel}; verbose content is excluded because it would log access tokens and passwords.`,
    );
  }
}
