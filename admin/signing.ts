import { Hash } from '@smithy/core/serde';
import { SignatureV4 } from '@smithy/signature-v4';

export interface SigningCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/**
 * Signs one AppSync GraphQL POST with SigV4, with the SDK's own signer: AppSync's IAM mode
 * checks exactly this signature (service `appsync`, the body's SHA-256 included).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-signing-request.html
 */
export async function signGraphQLRequest(args: {
  url: string;
  body: string;
  region: string;
  credentials: SigningCredentials;
  /** The signing time; now by default. */
  signingDate?: Date;
}): Promise<Record<string, string>> {
  const url = new URL(args.url);
  const signer = new SignatureV4({ credentials: args.credentials, region: args.region, service: 'appsync', sha256: Hash.bind(null, 'sha256') });
  const signed = await signer.sign(
    {
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: { host: url.host, 'content-type': 'application/json' },
      body: args.body,
    },
    { signingDate: args.signingDate },
  );
  return signed.headers;
}
