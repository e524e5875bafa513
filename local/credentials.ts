/**
 * The one access key of the offline stack. The local S3 checks request signatures against it and
 * the functions sign with it (through AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY), so a presigned
 * link only opens if the gateway made it. It protects nothing real: everything listens on loopback.
 */
export interface LocalCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export const LOCAL_CREDENTIALS: LocalCredentials = {
  accessKeyId: 'AKIALOCALSTACK000001',
  secretAccessKey: 'local-stack-secret-key-not-for-aws',
};
