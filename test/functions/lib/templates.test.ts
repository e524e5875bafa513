import { describe, expect, it } from 'vitest';
import {
  invitationMail,
  mfaQrCodeMail,
  notificationMail,
  passwordResetMail,
  verificationCodeMail,
  type FullMail,
  type NotificationKind,
} from '../../../functions/lib/templates';

const KINDS: NotificationKind[] = ['passwordChanged', 'passwordReset', 'authenticatorReplaced', 'recoveryCodeUsed', 'mfaReset'];
const PRODUCT = 'Test & Gateway';
const QR_URL = 'https://bucket.s3.eu-west-1.amazonaws.com/mfa-qr/u1.png?X-Amz-Signature=abc&X-Amz-Expires=600';

const UNESCAPE: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescape = (html: string) => html.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => UNESCAPE[entity]!);

/** What a reader of the HTML part sees, block by block; a link counts as its label and its address. */
function htmlBlocks(html: string): string[] {
  return [...html.matchAll(/<(p|h1)\b[^>]*>(.*?)<\/\1>/g)].flatMap(([, , inner]) => {
    const link = /<a href="([^"]*)"[^>]*>(.*?)<\/a>/.exec(inner!);
    return link ? [unescape(link[2]!), unescape(link[1]!)] : [unescape(inner!.replace(/<[^>]*>/g, ''))];
  });
}

/** The text part's blocks: paragraphs, codes (indented) and a link's label and address each on a line. */
function textBlocks(text: string): string[] {
  return text.split('\n\n').flatMap((block) => block.split('\n')).map((line) => line.trim());
}

const gatewayMails: [string, FullMail][] = [
  ...KINDS.map((kind): [string, FullMail] => [kind, notificationMail({ product: PRODUCT, kind })]),
  ['mfaQrCode', mfaQrCodeMail({ product: PRODUCT, url: QR_URL, expiresAt: '2025-01-31T09:05:00.000Z', validMinutes: 10 })],
];

describe('the e-mails the gateway sends through SES', () => {
  it.each(gatewayMails)('%s: the plain-text part says exactly what the HTML part says', (_, mail) => {
    const [product, heading, ...html] = htmlBlocks(mail.html);
    const [title, ...text] = textBlocks(mail.text);
    expect(product).toBe(PRODUCT);
    expect(title).toBe(`${PRODUCT}: ${heading!.charAt(0).toLowerCase()}${heading!.slice(1)}`);
    // Same blocks in the same order: nothing the HTML lacks (no further secret), nothing left out.
    expect(text).toEqual(html);
    expect(text.length).toBeGreaterThanOrEqual(3);
  });

  it('puts the QR link on a line of its own in the text part, exactly as in the HTML', () => {
    const mail = gatewayMails.at(-1)![1];
    expect(mail.text.split('\n')).toContain(QR_URL);
    expect(mail.html).toContain(`href="${QR_URL.replaceAll('&', '&amp;')}"`);
    expect(mail.text).not.toMatch(/<[a-z]/);
  });
});

describe("Cognito's messages (CustomMessage trigger)", () => {
  it.each([
    ['invitation', invitationMail({ product: PRODUCT, username: '{username}', temporaryPassword: '{####}' })],
    ['password reset', passwordResetMail({ product: PRODUCT, code: '{####}' })],
    ['verification', verificationCodeMail({ product: PRODUCT, code: '{####}' })],
  ])('%s is one HTML body: Cognito takes no separate text part', (_, mail) => {
    expect(Object.keys(mail).sort()).toEqual(['html', 'subject']);
    expect(htmlBlocks(mail.html)).toContain('{####}');
  });
});
