import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { logger } from '../../../functions/lib/logger';
import { notifyUser, type NotificationKind } from '../../../functions/lib/notifications';
import { notificationMail } from '../../../functions/lib/templates';
import { awsCalls, awsError, notificationSent, useTestEnv } from '../../helpers';

const ses = mockClient(SESv2Client);
const KINDS: NotificationKind[] = ['passwordChanged', 'passwordReset', 'authenticatorReplaced', 'recoveryCodeUsed', 'mfaReset'];

beforeEach(() => {
  useTestEnv();
  ses.reset();
  vi.restoreAllMocks();
});

describe('notificationMail', () => {
  it.each(KINDS)('%s has a subject, a plain-text part and an HTML part saying the same', (kind) => {
    const mail = notificationMail({ product: 'Test Gateway', kind });
    expect(mail.subject).toMatch(/^Test Gateway: [a-z]/);
    expect(mail.text).toMatch(/^Test Gateway: /);
    expect(mail.html).toMatch(/^<!doctype html>/);
    expect(mail.text).not.toContain('<');
    // Every paragraph of the text is in the HTML too.
    const paragraphs = mail.text.split('\n\n').slice(1);
    expect(paragraphs.length).toBeGreaterThanOrEqual(2);
    for (const paragraph of paragraphs) expect(mail.html).toContain(paragraph.replaceAll('"', '&quot;'));
  });

  it.each(KINDS)('%s says what to do if it was not the user', (kind) => {
    const { text, html } = notificationMail({ product: 'Test Gateway', kind });
    const advice = /If (this was not you|you did not ask for this)/;
    expect(text).toMatch(advice);
    expect(html).toMatch(advice);
  });

  it('gives each kind its own subject', () => {
    const subjects = KINDS.map((kind) => notificationMail({ product: 'P', kind }).subject);
    expect(new Set(subjects).size).toBe(KINDS.length);
  });

  it.each(KINDS)('%s escapes the product name in the HTML only', (kind) => {
    const mail = notificationMail({ product: 'A&B <Co> "x"', kind });
    expect(mail.html).toContain('A&amp;B &lt;Co&gt; &quot;x&quot;');
    expect(mail.html).not.toContain('<Co>');
    expect(mail.subject).toMatch(/^A&B <Co> "x": /);
    expect(mail.text).toMatch(/^A&B <Co> "x": /);
  });
});

describe('notifyUser', () => {
  it('sends the notification through SES with both parts', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'message-1' });
    await notifyUser('ada@example.com', 'passwordChanged');
    expect(awsCalls(ses)).toEqual([notificationSent('ada@example.com', 'passwordChanged')]);
  });

  it('never fails when SES refuses: it logs the error name only', async () => {
    const warn = vi.spyOn(logger, 'warn');
    ses.on(SendEmailCommand).rejects(awsError('MessageRejected', 'Email address ada@example.com is not verified.'));
    await expect(notifyUser('ada@example.com', 'recoveryCodeUsed')).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith('notification not sent', { kind: 'recoveryCodeUsed', cause: 'MessageRejected' });
  });

  it('sends nothing without an SES identity', async () => {
    delete process.env.SES_FROM_ADDRESS;
    await notifyUser('ada@example.com', 'passwordReset');
    expect(ses.calls()).toHaveLength(0);
  });
});
