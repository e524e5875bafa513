import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IamAction } from '../../operations';
import { grantsFor } from '../grants';
import type { MfaArchive } from './mfaArchive';

export { keyActionsFor } from '../grants';

/** Where each IAM action from the operations table applies. */
export interface GrantTargets {
  /** The user pool's ARN; absent for Cognito triggers, which the pool itself depends on. */
  readonly userPoolArn?: string;
  /** The archived QR codes and the key encrypting them; absent when the archive is off. */
  readonly qrCodes?: MfaArchive;
  /** The SES identity functions send from; absent when e-mail is not configured. */
  readonly sesIdentityArn?: string;
}

/** The statements for exactly `actions` (infra/grants.ts, which the offline stack enforces too), one per resource. */
export function statementsFor(owner: string, actions: readonly IamAction[], targets: GrantTargets): PolicyStatement[] {
  const grants = grantsFor(owner, actions, {
    userPoolArn: targets.userPoolArn,
    qrObjectsArn: targets.qrCodes?.objectsArn,
    qrBucketArn: targets.qrCodes?.bucket.bucketArn,
    qrKeyArn: targets.qrCodes?.key.keyArn,
    sesIdentityArn: targets.sesIdentityArn,
  });
  return grants.map((grant) => new PolicyStatement({ actions: [...grant.actions], resources: [...grant.resources] }));
}
