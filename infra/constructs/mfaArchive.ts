import { Duration, Stack } from 'aws-cdk-lib';
import { ReadWriteType, Trail } from 'aws-cdk-lib/aws-cloudtrail';
import { AccountRootPrincipal, Effect, PolicyDocument, PolicyStatement, ServicePrincipal, type IRole } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { Environment } from '../config';
import { acknowledge } from './acknowledge';
import { removalPolicyOf } from './retention';
import { QR_OBJECTS } from '../grants';

export { QR_OBJECTS } from '../grants';

/**
 * What the account keeps on the archive's key: managing it (policy, rotation, deletion, tags), not
 * using it. AWS's default key policy gives the account root `kms:*`, so any IAM policy in the
 * account could let a principal decrypt; here only the roles `allowKeyUse` names can. The
 * administrator actions stay with the account so the key never becomes unmanageable, and so the
 * principal that creates the key passes KMS's policy lockout safety check.
 * https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html
 */
const KEY_ADMINISTRATION = [
  'kms:Create*',
  'kms:Describe*',
  'kms:Enable*',
  'kms:List*',
  'kms:Put*',
  'kms:Update*',
  'kms:Revoke*',
  'kms:Disable*',
  'kms:Get*',
  'kms:Delete*',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:ScheduleKeyDeletion',
  'kms:CancelKeyDeletion',
  'kms:RotateKeyOnDemand',
];

/**
 * The encrypted store of each user's MFA QR code. The PNG encodes the TOTP secret, so it is
 * encrypted with a rotating customer key only the gateway's roles may use, never public, only
 * reachable over TLS, and every read and write of it is recorded by CloudTrail.
 */
export class MfaArchive extends Construct {
  readonly key: Key;
  readonly bucket: Bucket;
  readonly audit: ArchiveAudit;

  constructor(scope: Construct, id: string, props: { config: Environment }) {
    super(scope, id);
    const { config } = props;
    const removalPolicy = removalPolicyOf(config);
    this.key = new Key(this, 'Key', {
      description: `Encrypts the MFA QR codes of ${config.stackName}`,
      enableKeyRotation: true,
      removalPolicy,
      policy: new PolicyDocument({
        statements: [new PolicyStatement({ sid: 'AccountAdministersTheKey', principals: [new AccountRootPrincipal()], actions: KEY_ADMINISTRATION, resources: ['*'] })],
      }),
    });
    this.bucket = new Bucket(this, 'Bucket', {
      bucketName: config.mfa.bucketName ?? undefined,
      encryption: BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      // A new enrolment replaces the user's code and deleteMe removes it: no old versions may linger.
      versioned: false,
      // Enrolments never finished leave their QR code under pending/: gone after a day, the shortest S3 allows.
      lifecycleRules: [{ id: 'abandoned-enrolments', prefix: 'mfa-qr/pending/', expiration: Duration.days(1) }],
      removalPolicy,
      autoDeleteObjects: config.removalPolicy === 'destroy',
    });
    this.audit = new ArchiveAudit(this, 'Audit', { config, archive: this.bucket });
    acknowledge(
      this.bucket,
      'S1',
      'Every read and write of the objects is recorded by the CloudTrail data-event trail of ArchiveAudit, which, unlike best-effort server access logs, records each request with the IAM identity that made it.',
    );
  }

  /** `objectsArn` is the only object resource any function is granted. */
  get objectsArn(): string {
    return this.bucket.arnForObjects(QR_OBJECTS);
  }

  /**
   * Names `role` in the key policy for exactly `actions`, and only through S3: the key cannot be
   * called directly even by that role. https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service
   */
  allowKeyUse(role: IRole, actions: readonly string[]): void {
    if (actions.length === 0) return;
    this.key.addToResourcePolicy(
      new PolicyStatement({
        principals: [role],
        actions: [...actions].sort(),
        resources: ['*'],
        conditions: { StringEquals: { 'kms:ViaService': `s3.${Stack.of(this).region}.amazonaws.com` } },
      }),
    );
  }
}

/**
 * A CloudTrail trail with S3 data events for the archive bucket: every GetObject (presigned links
 * included, under the identity of the role that signed them), HeadObject, PutObject and
 * DeleteObject, with who made it, from where and when. It records no management events (the
 * account's own trail or CloudTrail's event history has those) and writes to a separate bucket
 * that keeps the files for `mfa.auditLogRetentionDays`, with file integrity validation.
 * Server access logs were the alternative; AWS delivers them on a best-effort basis, and this
 * record must be complete.
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/logging-with-S3.html
 */
export class ArchiveAudit extends Construct {
  readonly trail: Trail;
  readonly logBucket: Bucket;

  constructor(scope: Construct, id: string, props: { config: Environment; archive: Bucket }) {
    super(scope, id);
    const { config } = props;
    this.logBucket = new Bucket(this, 'LogBucket', {
      // CloudTrail writes with SSE-S3 here; the logs hold user ids, roles and addresses, no secret.
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      lifecycleRules: [{ id: 'retention', expiration: Duration.days(config.mfa.auditLogRetentionDays) }],
      removalPolicy: removalPolicyOf(config),
      autoDeleteObjects: config.removalPolicy === 'destroy',
    });
    acknowledge(this.logBucket, 'S1', 'This bucket holds the access record of the QR archive; only CloudTrail writes to it, and logging its own access would need yet another bucket.');
    const trailName = `${config.stackName}-qr-archive`;
    // Only this trail may write here: CloudTrail's grant is to the service, so without the
    // condition any trail in any account could deliver into this bucket.
    // https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html
    this.logBucket.addToResourcePolicy(
      new PolicyStatement({
        effect: Effect.DENY,
        principals: [new ServicePrincipal('cloudtrail.amazonaws.com')],
        actions: ['s3:PutObject'],
        resources: [this.logBucket.arnForObjects('*')],
        conditions: { StringNotEquals: { 'aws:SourceArn': Stack.of(this).formatArn({ service: 'cloudtrail', resource: 'trail', resourceName: trailName }) } },
      }),
    );
    this.trail = new Trail(this, 'Trail', {
      trailName,
      bucket: this.logBucket,
      isMultiRegionTrail: false,
      includeGlobalServiceEvents: false,
      managementEvents: ReadWriteType.NONE,
      enableFileValidation: true,
      sendToCloudWatchLogs: false,
    });
    this.trail.addS3EventSelector([{ bucket: props.archive }], { readWriteType: ReadWriteType.ALL, includeManagementEvents: false });
  }
}
