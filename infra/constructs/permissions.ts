import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IamAction } from '../../operations';
import type { MfaArchive } from './mfaArchive';

/** Where each IAM action from the operations table applies. */
export interface GrantTargets {
  /** The user pool's ARN; absent for Cognito triggers, which the pool itself depends on. */
  readonly userPoolArn?: string;
  /** The archived QR codes and the key encrypting them; absent when the archive is off. */
  readonly qrCodes?: MfaArchive;
  /** The SES identity functions send from; absent when e-mail is not configured. */
  readonly sesIdentityArn?: string;
}

type Target = 'userPool' | 'qrCodes' | 'qrBucket' | 'sesIdentity';

/**
 * Every action the table may name, with its resource and, for S3, the KMS action the bucket's key
 * needs: writing an SSE-KMS object makes a data key, reading (or following a presigned link to)
 * one decrypts it, deleting needs no key.
 */
const GRANTS: Readonly<Record<IamAction, { target: Target; kms?: string }>> = {
  'cognito-idp:AdminCreateUser': { target: 'userPool' },
  'cognito-idp:AdminGetUser': { target: 'userPool' },
  'cognito-idp:AdminUpdateUserAttributes': { target: 'userPool' },
  'cognito-idp:ListUsers': { target: 'userPool' },
  'cognito-idp:AdminListGroupsForUser': { target: 'userPool' },
  'cognito-idp:AdminDisableUser': { target: 'userPool' },
  'cognito-idp:AdminEnableUser': { target: 'userPool' },
  'cognito-idp:AdminUserGlobalSignOut': { target: 'userPool' },
  'cognito-idp:AdminDeleteSoftwareToken': { target: 'userPool' },
  'cognito-idp:AdminDeleteUserAttributes': { target: 'userPool' },
  'cognito-idp:AdminResetUserPassword': { target: 'userPool' },
  'cognito-idp:AdminDeleteUser': { target: 'userPool' },
  'cognito-idp:ListGroups': { target: 'userPool' },
  'cognito-idp:CreateGroup': { target: 'userPool' },
  'cognito-idp:AdminAddUserToGroup': { target: 'userPool' },
  'cognito-idp:AdminRemoveUserFromGroup': { target: 'userPool' },
  's3:PutObject': { target: 'qrCodes', kms: 'kms:GenerateDataKey' },
  's3:GetObject': { target: 'qrCodes', kms: 'kms:Decrypt' },
  's3:DeleteObject': { target: 'qrCodes' },
  's3:ListBucket': { target: 'qrBucket' },
  'ses:SendEmail': { target: 'sesIdentity' },
};

/** The KMS actions `actions` need on the archive's key. */
export function keyActionsFor(actions: readonly IamAction[]): string[] {
  return [...new Set(actions.flatMap((action) => GRANTS[action].kms ?? []))];
}

/**
 * The statements for exactly `actions`, one per resource. Actions on a feature that is turned off
 * (no archive, no SES identity) are left out: the functions skip those calls or answer
 * FeatureDisabled.
 */
export function statementsFor(owner: string, actions: readonly IamAction[], targets: GrantTargets): PolicyStatement[] {
  const byResource = new Map<string, Set<string>>();
  const allow = (resource: string, action: string) => {
    const set = byResource.get(resource) ?? new Set<string>();
    byResource.set(resource, set.add(action));
  };
  for (const action of actions) {
    const grant = GRANTS[action];
    if (grant.target === 'userPool') {
      if (!targets.userPoolArn) throw new Error(`${owner} cannot be granted ${action}: it has no user pool to act on.`);
      allow(targets.userPoolArn, action);
    } else if (grant.target === 'qrCodes' && targets.qrCodes) {
      allow(targets.qrCodes.objectsArn, action);
      if (grant.kms) allow(targets.qrCodes.key.keyArn, grant.kms);
    } else if (grant.target === 'qrBucket' && targets.qrCodes) {
      allow(targets.qrCodes.bucket.bucketArn, action);
    } else if (grant.target === 'sesIdentity' && targets.sesIdentityArn) {
      allow(targets.sesIdentityArn, action);
    }
  }
  return [...byResource].map(([resource, set]) => new PolicyStatement({ actions: [...set].sort(), resources: [resource] }));
}
