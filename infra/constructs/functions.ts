import { Duration } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { FUNCTION_MEMORY_MB, FUNCTION_TIMEOUT_SECONDS } from '../../lambdaLimits';
import { invocationOf, type IamAction } from '../../operations';
import { EnvironmentError, type Environment } from '../config';
import { acknowledge, arnInFinding } from './acknowledge';
import { QR_OBJECTS } from './mfaArchive';
import { type GrantTargets, keyActionsFor, statementsFor } from './permissions';
import { createLogGroup } from './retention';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Bundled here with the project's own esbuild, never in Docker: `forceDockerBundling` stays off and
 * `assertLocalEsbuild` stops the synth before CDK would fall back to a Docker build.
 * Everything is bundled (the SDK v3 included, `externalModules: []`), so each function ships
 * only the clients it calls, tree-shaken from their ES module builds.
 */
export const BUNDLING: BundlingOptions = {
  format: OutputFormat.ESM,
  target: 'node22',
  mainFields: ['module', 'main'],
  externalModules: [],
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  // CommonJS dependencies (qrcode and its PNG encoder) require Node built-ins; an ES module has no `require`.
  banner: "import{createRequire as __gatewayCreateRequire}from'node:module';const require=__gatewayCreateRequire(import.meta.url);",
  forceDockerBundling: false,
  logLevel: LogLevel.WARNING,
};

function assertLocalEsbuild(): void {
  try {
    createRequire(import.meta.url).resolve('esbuild');
  } catch {
    throw new EnvironmentError('esbuild is not installed: run `npm ci`. Functions are bundled locally, never in Docker.');
  }
}

export interface GatewayFunctionProps {
  /** The handler file, `functions/<name>.ts`. */
  readonly name: string;
  readonly config: Environment;
  readonly environment: Readonly<Record<string, string>>;
  /** Exactly the actions the operations table gives this function. */
  readonly actions: readonly IamAction[];
  readonly targets: GrantTargets;
}

/** One Lambda function with its own role (exactly its table's actions), log group and tracing. */
export class GatewayFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: GatewayFunctionProps) {
    super(scope, id);
    assertLocalEsbuild();
    const logGroup = createLogGroup(this, 'Logs', props.config);
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs functions/${props.name}.ts`,
    });
    logGroup.grantWrite(this.role);
    for (const statement of statementsFor(`functions/${props.name}.ts`, props.actions, props.targets)) {
      this.role.addToPolicy(statement);
    }
    // The key policy names this role too: the account's IAM policies alone cannot open the key.
    props.targets.qrCodes?.allowKeyUse(this.role, keyActionsFor(props.actions));
    this.function = new NodejsFunction(this, 'Function', {
      entry: `${root}functions/${props.name}.ts`,
      handler: 'handler',
      projectRoot: root,
      depsLockFilePath: `${root}package-lock.json`,
      description: `Auth gateway: ${props.name}`,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: FUNCTION_MEMORY_MB,
      timeout: Duration.seconds(FUNCTION_TIMEOUT_SECONDS),
      // Queued functions are not retried: the caller already has its answer, and a retry could e-mail twice.
      retryAttempts: invocationOf(props.name) === 'Event' ? 0 : undefined,
      role: this.role,
      logGroup,
      tracing: Tracing.ACTIVE,
      environment: { ...props.environment },
      bundling: BUNDLING,
    });
    this.acknowledgeJustifiedFindings(props);
  }

  private acknowledgeJustifiedFindings(props: GatewayFunctionProps): void {
    acknowledge(this.function, 'L1', 'Node.js 22 is the runtime the functions are built (target node22) and tested for.');
    acknowledge(this.role, 'IAM5[Resource::*]', 'X-Ray PutTraceSegments and PutTelemetryRecords support no resource-level permissions.');
    if (props.targets.qrCodes && props.actions.some((action) => action.startsWith('s3:'))) {
      acknowledge(
        this.role,
        `IAM5[Resource::${arnInFinding(props.targets.qrCodes.bucket)}/${QR_OBJECTS}]`,
        'One object per user under mfa-qr/, named by the user id: the prefix is the narrowest resource.',
      );
    }
  }
}

/** The CloudWatch namespace of the functions' metrics: one per environment, named after its API. */
export function metricsNamespaceOf(config: Environment): string {
  return config.api.name;
}

/**
 * Settings every function reads (functions/lib/config.ts). The user pool ids are added for the
 * operations only: a Cognito trigger cannot name the pool that names it.
 */
export function sharedEnvironment(config: Environment, mfaBucketName?: string): Record<string, string> {
  return {
    ...(mfaBucketName ? { MFA_BUCKET: mfaBucketName } : {}),
    MFA_ISSUER: config.mfa.issuer,
    QR_RESEND_HOLD_HOURS: String(config.mfa.qrResendHoldHours),
    REAUTHENTICATE_WITHIN_MINUTES: String(config.security.reauthenticateWithinMinutes),
    ...(config.email
      ? {
          SES_FROM_ADDRESS: config.email.fromAddress,
          SES_IDENTITY_ARN: config.email.sesIdentityArn,
          ...(config.email.replyToAddress ? { SES_REPLY_TO_ADDRESS: config.email.replyToAddress } : {}),
        }
      : {}),
    POWERTOOLS_SERVICE_NAME: config.api.name,
    // The metrics' namespace (functions/lib/metrics.ts); the alarms in constructs/monitoring.ts read it too.
    POWERTOOLS_METRICS_NAMESPACE: metricsNamespaceOf(config),
    POWERTOOLS_LOG_LEVEL: 'INFO',
    NODE_OPTIONS: '--enable-source-maps',
  };
}
