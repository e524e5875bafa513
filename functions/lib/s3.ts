import { S3Client } from '@aws-sdk/client-s3';
import { timeAwsCalls } from './awsCalls';
import { config } from './config';

let cached: { endpoint?: string; client: S3Client } | undefined;

/** Like cognito(): one client per endpoint override. */
export function s3(): S3Client {
  const endpoint = config.endpoint('S3');
  // A local S3 answers on one host, so buckets go in the path rather than the host name.
  if (!cached || cached.endpoint !== endpoint) cached = { endpoint, client: timeAwsCalls(new S3Client({ endpoint, forcePathStyle: Boolean(endpoint) }), 'S3') };
  return cached.client;
}
