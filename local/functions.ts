import { randomBytes } from 'node:crypto';
import type { Environment } from '../infra/config';
import { operationEnvironment, sharedEnvironment } from '../infra/functionSettings';
import { grantsFor, QR_OBJECTS } from '../infra/grants';
import { functionOperations, triggers, type IamAction } from '../operations';
import { sesIdentityArn, userPoolArn } from './iam/arns';
import { LOCAL_ACCOUNT_ID, type Principal } from './iam/directory';

/**
 * Every function of the offline stack with what Lambda gives it: its own identity (an access key
 * the local services know, and the policy CDK deploys for it, from infra/grants.ts with local
 * ARNs) and its own environment (CDK's settings, pointed at the local services).
 */

export interface LocalFunction {
  name: string;
  principal: Principal;
  environment: Record<string, string>;
}

export interface LocalTargets {
  region: string;
  userPoolId: string;
  clientId: string;
  bucket: string | null;
  /** Sender of the functions' e-mails; locally e-mail is always on (the mailbox). */
  from: string;
  endpoints: { cognito: string; s3: string; ses: string };
}

/** Readable in logs and denials: the key id names the function. */
const accessKeyIdOf = (name: string) => `LOCALFN${name.toUpperCase()}`;

/** The execution role's session, as AWS names the caller in a denial. */
const principalArnOf = (name: string) => `arn:aws:sts::${LOCAL_ACCOUNT_ID}:assumed-role/local-${name}-role/local-${name}`;

/** A setting of the shell that starts the stack that the functions follow: their log level (INFO, as deployed, unless set). */
const FROM_HOST = ['LOG_LEVEL'] as const;

export function localFunctions(
  config: Environment,
  targets: LocalTargets,
  actionsOverride: Readonly<Record<string, readonly IamAction[]>> = {},
): LocalFunction[] {
  const { region } = targets;
  const identityArn = sesIdentityArn(region, targets.from);
  const local: Environment = {
    ...config,
    email: { fromAddress: targets.from, replyToAddress: config.email?.replyToAddress ?? null, sesIdentityArn: identityArn },
  };
  const shared = sharedEnvironment(local, targets.bucket ?? undefined);
  const arns = {
    userPoolArn: userPoolArn(region, targets.userPoolId),
    qrObjectsArn: targets.bucket ? `arn:aws:s3:::${targets.bucket}/${QR_OBJECTS}` : undefined,
    qrBucketArn: targets.bucket ? `arn:aws:s3:::${targets.bucket}` : undefined,
    sesIdentityArn: identityArn,
  };
  const host = Object.fromEntries(FROM_HOST.flatMap((name) => (process.env[name] ? [[name, process.env[name]!]] : [])));
  const rows = [
    // Fields served by Cognito directly (data source `cognito`) have no function.
    ...functionOperations.map((op) => ({
      name: op.field,
      iam: op.iam,
      environment: operationEnvironment(shared, { userPoolId: targets.userPoolId, clientId: targets.clientId }),
    })),
    ...triggers.map((trigger) => ({ name: trigger.name, iam: trigger.iam, environment: shared })),
  ];
  return rows.map(({ name, iam, environment }) => {
    const principal: Principal = {
      accessKeyId: accessKeyIdOf(name),
      secretAccessKey: randomBytes(24).toString('base64url'),
      arn: principalArnOf(name),
      grants: grantsFor(`functions/${name}.ts`, actionsOverride[name] ?? iam, arns),
    };
    return {
      name,
      principal,
      environment: {
        ...environment,
        ...host,
        AWS_REGION: region,
        AWS_DEFAULT_REGION: region,
        AWS_LAMBDA_FUNCTION_NAME: `local-${name}`,
        // Metrics go to CloudWatch from the deployed functions only: offline they would flood the console.
        METRICS_DISABLED: 'true',
        AWS_ACCESS_KEY_ID: principal.accessKeyId,
        AWS_SECRET_ACCESS_KEY: principal.secretAccessKey,
        COGNITO_ENDPOINT: targets.endpoints.cognito,
        S3_ENDPOINT: targets.endpoints.s3,
        SES_ENDPOINT: targets.endpoints.ses,
      },
    };
  });
}
