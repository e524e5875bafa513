import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS } from '../../local/credentials';
import { readMailbox, startSes, waitForMessage, type LocalSes } from '../../local/ses';

let ses: LocalSes;
let client: SESv2Client;

const send = (to: string, subject: string) =>
  client.send(
    new SendEmailCommand({
      FromEmailAddress: 'no-reply@auth-gateway.local',
      Destination: { ToAddresses: [to] },
      Content: {
        Simple: {
          Subject: { Data: subject },
          Body: { Html: { Data: `<p>${subject}</p>` }, Text: { Data: subject } },
        },
      },
    }),
  );

beforeAll(async () => {
  ses = await startSes({ port: 0 });
  client = new SESv2Client({ endpoint: ses.url, region: 'eu-west-1', credentials: LOCAL_CREDENTIALS });
});

afterAll(async () => {
  await ses.close();
});

describe('local SES', () => {
  it('listens on loopback and serves the mailbox web page', async () => {
    expect(ses.url).toBe(`http://127.0.0.1:${ses.port}`);
    const page = await fetch(ses.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
  });

  it('keeps what SendEmail sent, readable from the mailbox', async () => {
    const sent = await send('ada@example.com', 'Your temporary password');
    const messages = await readMailbox(ses.url);
    const message = messages.find((m) => m.messageId === sent.MessageId);
    expect(message).toMatchObject({
      from: 'no-reply@auth-gateway.local',
      destination: { to: ['ada@example.com'], cc: [], bcc: [] },
      subject: 'Your temporary password',
      body: { html: '<p>Your temporary password</p>', text: 'Your temporary password' },
    });
    expect(message!.at).toBeGreaterThan(Date.now() / 1000 - 60);
  });

  it('filters by time and waits for a matching message', async () => {
    await send('bob@example.com', 'Reset code');
    expect(await readMailbox(ses.url, { since: new Date(Date.now() + 120_000) })).toEqual([]);
    const found = await waitForMessage(ses.url, (m) => m.destination.to.includes('bob@example.com'));
    expect(found.subject).toBe('Reset code');
    await expect(waitForMessage(ses.url, (m) => m.subject === 'never sent', { timeoutMs: 100 })).rejects.toThrow(/within 100 ms/);
  });

  it('starts with an empty mailbox and frees its port on close', async () => {
    const other = await startSes({ port: 0 });
    expect(await readMailbox(other.url)).toEqual([]);
    await other.close();
    const again = await startSes({ port: other.port });
    await again.close();
  });

  it('names the port when it is taken', async () => {
    await expect(startSes({ port: ses.port })).rejects.toThrow(`Port ${ses.port} on 127.0.0.1 is already in use.`);
  });
});
