import { Duration } from 'aws-cdk-lib';
import { Key } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { Environment } from '../config';
import { acknowledge } from './acknowledge';
import { removalPolicyOf } from './retention';

/**
 * The archived QR codes: `qrObjectKey` in functions/lib/mfa.ts writes `mfa-qr/<user id>.png`,
 * `pendingQrObjectKey` the not yet verified ones under `mfa-qr/pending/`.
 */
export const QR_OBJECTS = 'mfa-qr/*';

/**
 * The encrypted store of each user's MFA QR code. The PNG encodes the TOTP secret, so it is
 * encrypted with a rotating customer key, never public, and only reachable over TLS.
 */
export class MfaArchive extends Construct {
  readonly key: Key;
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: { config: Environment }) {
    super(scope, id);
    const { config } = props;
    const removalPolicy = removalPolicyOf(config);
    this.key = new Key(this, 'Key', {
      description: `Encrypts the MFA QR codes of ${config.stackName}`,
      enableKeyRotation: true,
      removalPolicy,
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
    acknowledge(
      this.bucket,
      'S1',
      'Only the gateway functions can reach the objects; their invocations are logged and traced. Access logs would need a second bucket.',
    );
  }

  /** `objectsArn` is the only object resource any function is granted. */
  get objectsArn(): string {
    return this.bucket.arnForObjects(QR_OBJECTS);
  }
}
