/**
 * Every e-mail the gateway writes: Cognito's invitation, reset and verification messages (through
 * the CustomMessage trigger) and the MFA QR-code link. Each value put into the HTML is escaped
 * here, once; Cognito's placeholders ({####}, {username}) contain nothing escaping changes.
 */

export interface HtmlMail {
  subject: string;
  html: string;
}

export interface FullMail extends HtmlMail {
  text: string;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

const paragraph = (text: string) => `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(text)}</p>`;

const codeBlock = (value: string) =>
  `<p style="margin:0 0 16px;padding:12px 16px;background:#f0f2f5;border-radius:6px;font:600 20px/1.4 monospace;letter-spacing:2px">${escapeHtml(value)}</p>`;

const button = (url: string, label: string) =>
  `<p style="margin:0 0 16px"><a href="${escapeHtml(url)}" style="display:inline-block;padding:12px 20px;background:#1f5fbf;color:#ffffff;border-radius:6px;text-decoration:none">${escapeHtml(label)}</a></p>`;

/** The one frame around every message. `body` is HTML built from the escaping parts above. */
function layout(product: string, heading: string, body: string): string {
  return (
    '<!doctype html><html><body style="margin:0;padding:24px;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1f2933">' +
    '<div style="max-width:480px;margin:0 auto;padding:32px;background:#ffffff;border-radius:8px">' +
    `<p style="margin:0 0 8px;font-size:13px;color:#52606d">${escapeHtml(product)}</p>` +
    `<h1 style="margin:0 0 16px;font-size:20px">${escapeHtml(heading)}</h1>` +
    body +
    '<p style="margin:24px 0 0;font-size:13px;color:#52606d">If you did not expect this e-mail, you can ignore it.</p>' +
    '</div></body></html>'
  );
}

/** The invitation: Cognito refuses it unless it contains both the username and the code placeholders. */
export function invitationMail(args: { product: string; username: string; temporaryPassword: string }): HtmlMail {
  return {
    subject: `Your ${args.product} account`,
    html: layout(
      args.product,
      'Welcome',
      paragraph('An account has been created for you. Sign in with this e-mail address:') +
        codeBlock(args.username) +
        paragraph('and this temporary password, which you will replace at your first sign-in:') +
        codeBlock(args.temporaryPassword) +
        paragraph('You will then set up an authenticator app for two-step sign-in.'),
    ),
  };
}

export function passwordResetMail(args: { product: string; code: string }): HtmlMail {
  return {
    subject: `Reset your ${args.product} password`,
    html: layout(
      args.product,
      'Reset your password',
      paragraph('Use this code to set a new password:') +
        codeBlock(args.code) +
        paragraph('Nobody from our team will ever ask you for it.'),
    ),
  };
}

/** For confirming an e-mail address: a resent sign-up code or a new or changed address. */
export function verificationCodeMail(args: { product: string; code: string }): HtmlMail {
  return {
    subject: `Your ${args.product} verification code`,
    html: layout(
      args.product,
      'Confirm your e-mail address',
      paragraph('Use this code to confirm your e-mail address:') + codeBlock(args.code),
    ),
  };
}

/** The link to the user's archived MFA QR code, which holds the TOTP secret: short-lived on purpose. */
export function mfaQrCodeMail(args: { product: string; url: string; expiresAt: string; validMinutes: number }): FullMail {
  const until = `until ${readableUtc(args.expiresAt)}`;
  const minutes = args.validMinutes === 1 ? '1 minute' : `${args.validMinutes} minutes`;
  const validity = args.validMinutes >= 1 ? `The link works for ${minutes}, ${until}.` : `The link works ${until}.`;
  const advice = 'Open it, then scan the QR code with your authenticator app. Do not forward this e-mail.';
  return {
    subject: `Your ${args.product} authenticator QR code`,
    html: layout(
      args.product,
      'Your authenticator QR code',
      paragraph('You asked for the QR code that sets up your authenticator app again.') +
        button(args.url, 'Show my QR code') +
        paragraph(validity) +
        paragraph(advice),
    ),
    text: [
      `${args.product}: your authenticator QR code`,
      '',
      'You asked for the QR code that sets up your authenticator app again:',
      args.url,
      '',
      validity,
      advice,
      '',
      'If you did not expect this e-mail, you can ignore it.',
    ].join('\n'),
  };
}

/** 2025-01-31T09:05:00.000Z becomes 2025-01-31 09:05 UTC. */
function readableUtc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
