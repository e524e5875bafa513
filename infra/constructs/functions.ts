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
import { FUNCTION_ESBUILD } from '../functionSettings';
import { acknowledge, arnInFinding } from './acknowledge';
import { QR_OBJECTS } from './mfaArchive';
import { type GrantTargets, keyActionsFor, statementsFor } from './permissions';
import { createLogGroup } from './retention';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Bundled here with the project's own esbuild (FUNCTION_ESBUILD, which the offline stack builds
 * with too), never in Docker: `forceDockerBundling` stays off and `assertLocalEsbuild` stops the
 * synth before CDK would fall back to a Docker build.
 */
export const BUNDLING: BundlingOptions = {
  format: OutputFormat.ESM,
  target: FUNCTION_ESBUILD.target,
  mainFields: [...FUNCTION_ESBUILD.mainFields],
  externalModules: [...FUNCTION_ESBUILD.external],
  minify: FUNCTION_ESBUILD.minify,
  sourceMap: FUNCTION_ESBUILD.sourcemap,
  sourcesContent: FUNCTION_ESBUILD.sourcesContent,
  banner: FUNCTION_ESBUILD.banner,
  define: { ...FUNCTION_ESBUILD.define },
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

export { metricsNamespaceOf, sharedEnvironment } from '../functionSettings';
