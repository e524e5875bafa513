import { SESv2Client } from '@aws-sdk/client-sesv2';
import { timeAwsCalls } from './awsCalls';
import { config } from './config';

let cached: { endpoint?: string; client: SESv2Client } | undefined;

/** Like cognito(): one client per endpoint override. */
export function ses(): SESv2Client {
  const endpoint = config.endpoint('SES');
  if (!cached || cached.endpoint !== endpoint) cached = { endpoint, client: timeAwsCalls(new SESv2Client({ endpoint }), 'SES') };
  return cached.client;
}
