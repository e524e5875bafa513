import { SESv2Client } from '@aws-sdk/client-sesv2';
import { config } from './config';

let client: SESv2Client | undefined;

export function ses(): SESv2Client {
  client ??= new SESv2Client({ endpoint: config.endpoint('SES') });
  return client;
}
