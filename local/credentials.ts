/**
 * The offline stack's deployer key: it provisions the pool, client and bucket, sends Cognito's own
 * e-mails, and tests that call the local services directly use it; its policy allows everything.
 * Each function signs with a key of its own instead (local/functions.ts), allowed only what its
 * row in operations.ts grants. It protects nothing real: everything listens on loopback.
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
