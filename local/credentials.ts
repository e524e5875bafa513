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

/**
 * The offline stack's operator: requests signed with these keys (SigV4) may call the admin fields,
 * as an IAM role with the stack's admin policy may in AWS. Printed in the banner and written to
 * .local/stack.json for the admin CLI (`npm run admin -- --local …`).
 */
export const LOCAL_OPERATOR = {
  accessKeyId: 'AKIALOCALOPERATOR001',
  secretAccessKey: 'local-operator-secret-not-for-aws',
  userArn: 'arn:aws:iam::000000000000:user/local-operator',
} as const;
