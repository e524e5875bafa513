import type { IamAction } from '../operations';

/**
 * Which resource each IAM action of the operations table applies to, as plain data: CDK wraps the
 * result in PolicyStatements (infra/constructs/permissions.ts) and the offline stack enforces the
 * same statements with local ARNs (local/iam/). One list, read by both.
 */

/**
 * The archived QR codes: `qrObjectKey` in functions/lib/mfa.ts writes `mfa-qr/<user id>.png`,
 * `pendingQrObjectKey` the not yet verified ones under `mfa-qr/pending/`.
 */
export const QR_OBJECTS = 'mfa-qr/*';

/** The ARNs a function's actions may name; a feature that is off has none. */
export interface GrantArns {
  /** The user pool; absent for Cognito triggers in CDK's first policy (the pool names them). */
  readonly userPoolArn?: string;
  /** The QR archive's objects (`arn:aws:s3:::<bucket>/mfa-qr/*`), bucket and KMS key; absent when the archive is off. */
  readonly qrObjectsArn?: string;
  readonly qrBucketArn?: string;
  /** Absent offline: the local S3 stores objects unencrypted. */
  readonly qrKeyArn?: string;
  /** The SES identity functions send from; absent when e-mail is not configured. */
  readonly sesIdentityArn?: string;
}

/** One Allow statement: these actions on these resources. */
export interface Grant {
  readonly actions: readonly string[];
  readonly resources: readonly string[];
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
 * The grants for exactly `actions`, one per resource. Actions on a feature that is turned off
 * (no archive, no SES identity) are left out: the functions skip those calls or answer
 * FeatureDisabled. `owner` names the function in the error for a pool action without a pool.
 */
export function grantsFor(owner: string, actions: readonly IamAction[], arns: GrantArns): Grant[] {
  const byResource = new Map<string, Set<string>>();
  const allow = (resource: string, action: string) => {
    const set = byResource.get(resource) ?? new Set<string>();
    byResource.set(resource, set.add(action));
  };
  for (const action of actions) {
    const grant = GRANTS[action];
    if (grant.target === 'userPool') {
      if (!arns.userPoolArn) throw new Error(`${owner} cannot be granted ${action}: it has no user pool to act on.`);
      allow(arns.userPoolArn, action);
    } else if (grant.target === 'qrCodes' && arns.qrObjectsArn) {
      allow(arns.qrObjectsArn, action);
      if (grant.kms && arns.qrKeyArn) allow(arns.qrKeyArn, grant.kms);
    } else if (grant.target === 'qrBucket' && arns.qrBucketArn) {
      allow(arns.qrBucketArn, action);
    } else if (grant.target === 'sesIdentity' && arns.sesIdentityArn) {
      allow(arns.sesIdentityArn, action);
    }
  }
  return [...byResource].map(([resource, set]) => ({ actions: [...set].sort(), resources: [resource] }));
}
