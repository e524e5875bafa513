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

/**
 * What a message says, as blocks: each template lists its blocks once and both parts, HTML and
 * plain text, are rendered from that one list, so the text part carries exactly what the HTML
 * does (no secret more), for mail clients and readers that show text only.
 */
type Block = { paragraph: string } | { code: string } | { link: string; label: string };

const FOOTER = 'If you did not expect this e-mail, you can ignore it.';

function blockHtml(block: Block): string {
  if ('paragraph' in block) return `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(block.paragraph)}</p>`;
  if ('code' in block) {
    return `<p style="margin:0 0 16px;padding:12px 16px;background:#f0f2f5;border-radius:6px;font:600 20px/1.4 monospace;letter-spacing:2px">${escapeHtml(block.code)}</p>`;
  }
  return `<p style="margin:0 0 16px"><a href="${escapeHtml(block.link)}" style="display:inline-block;padding:12px 20px;background:#1f5fbf;color:#ffffff;border-radius:6px;text-decoration:none">${escapeHtml(block.label)}</a></p>`;
}

/** A code stands alone on its line, indented, so it is easy to select; a link's address follows its label. */
function blockText(block: Block): string {
  if ('paragraph' in block) return block.paragraph;
  if ('code' in block) return `    ${block.code}`;
  return `${block.label}\n${block.link}`;
}

/** Both parts of one message, in the one frame every message has. */
function render(product: string, heading: string, blocks: readonly Block[]): { html: string; text: string } {
  const html =
    '<!doctype html><html><body style="margin:0;padding:24px;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1f2933">' +
    '<div style="max-width:480px;margin:0 auto;padding:32px;background:#ffffff;border-radius:8px">' +
    `<p style="margin:0 0 8px;font-size:13px;color:#52606d">${escapeHtml(product)}</p>` +
    `<h1 style="margin:0 0 16px;font-size:20px">${escapeHtml(heading)}</h1>` +
    blocks.map(blockHtml).join('') +
    `<p style="margin:24px 0 0;font-size:13px;color:#52606d">${escapeHtml(FOOTER)}</p>` +
    '</div></body></html>';
  const title = `${product}: ${heading.charAt(0).toLowerCase()}${heading.slice(1)}`;
  const text = [title, ...blocks.map(blockText), FOOTER].join('\n\n');
  return { html, text };
}

/** Cognito takes one body per message (see customMessage.ts): the HTML part. */
function htmlOnly(subject: string, rendered: { html: string }): HtmlMail {
  return { subject, html: rendered.html };
}

/** The invitation: Cognito refuses it unless it contains both the username and the code placeholders. */
export function invitationMail(args: { product: string; username: string; temporaryPassword: string }): HtmlMail {
  return htmlOnly(
    `Your ${args.product} account`,
    render(args.product, 'Welcome', [
      { paragraph: 'An account has been created for you. Sign in with this e-mail address:' },
      { code: args.username },
      { paragraph: 'and this temporary password, which you will replace at your first sign-in:' },
      { code: args.temporaryPassword },
      { paragraph: 'You will then set up an authenticator app for two-step sign-in.' },
    ]),
  );
}

export function passwordResetMail(args: { product: string; code: string }): HtmlMail {
  return htmlOnly(
    `Reset your ${args.product} password`,
    render(args.product, 'Reset your password', [
      { paragraph: 'Use this code to set a new password:' },
      { code: args.code },
      { paragraph: 'Nobody from our team will ever ask you for it.' },
    ]),
  );
}

/** For confirming an e-mail address: a resent sign-up code or a new or changed address. */
export function verificationCodeMail(args: { product: string; code: string }): HtmlMail {
  return htmlOnly(
    `Your ${args.product} verification code`,
    render(args.product, 'Confirm your e-mail address', [{ paragraph: 'Use this code to confirm your e-mail address:' }, { code: args.code }]),
  );
}

/** The link to the user's archived MFA QR code, which holds the TOTP secret: short-lived on purpose. */
export function mfaQrCodeMail(args: { product: string; url: string; expiresAt: string; validMinutes: number }): FullMail {
  const until = `until ${readableUtc(args.expiresAt)}`;
  const minutes = args.validMinutes === 1 ? '1 minute' : `${args.validMinutes} minutes`;
  const validity = args.validMinutes >= 1 ? `The link works for ${minutes}, ${until}.` : `The link works ${until}.`;
  const advice = 'Open it, then scan the QR code with your authenticator app. Do not forward this e-mail.';
  const notYou =
    'If you did not ask for this, someone knows your password: reset it now, then sign in and replace your authenticator and recovery codes.';
  return {
    subject: `Your ${args.product} authenticator QR code`,
    ...render(args.product, 'Your authenticator QR code', [
      { paragraph: 'You asked for the QR code that sets up your authenticator app again.' },
      { link: args.url, label: 'Show my QR code' },
      { paragraph: validity },
      { paragraph: advice },
      { paragraph: notYou },
    ]),
  };
}

export type NotificationKind =
  | 'passwordChanged'
  | 'passwordReset'
  | 'authenticatorReplaced'
  | 'recoveryCodeUsed'
  | 'mfaReset'
  | 'passkeyAdded'
  | 'passkeyRemoved';

const NOT_YOU_SIGNED_IN =
  'If this was not you, someone knows your password: reset it with "Forgot password" now, then sign in and replace your authenticator and recovery codes.';

/** What each notification says: what happened, what it means, and what to do if it was not the user. */
const NOTIFICATIONS: Readonly<Record<NotificationKind, { subject: string; heading: string; lines: readonly string[] }>> = {
  passwordChanged: {
    subject: 'Your password was changed',
    heading: 'Your password was changed',
    lines: ['The password of your account was just changed, and every device signed in to it was signed out.', NOT_YOU_SIGNED_IN],
  },
  passwordReset: {
    subject: 'Your password was reset',
    heading: 'Your password was reset',
    lines: [
      'The password of your account was just reset with a code sent to this address, and every device signed in to it was signed out.',
      'Your authenticator app and recovery codes still protect the account. For a while, the QR code of your authenticator cannot be e-mailed to you.',
      'If this was not you, someone can read your e-mail: secure your mailbox, then reset your password again.',
    ],
  },
  authenticatorReplaced: {
    subject: 'Your authenticator app was replaced',
    heading: 'Your authenticator app was replaced',
    lines: [
      'A new authenticator app now protects your account; the old one no longer works, and every device was signed out.',
      'If this was not you, sign in with a recovery code at once and reset your password.',
    ],
  },
  recoveryCodeUsed: {
    subject: 'A recovery code was used',
    heading: 'A recovery code was used',
    lines: [
      'One of your recovery codes was just used to remove your authenticator app; every device was signed out. A new authenticator and new recovery codes are set up at the next sign-in.',
      'If this was not you, someone has your password and a recovery code: reset your password now and contact support.',
    ],
  },
  mfaReset: {
    subject: 'Your two-step sign-in was reset',
    heading: 'Your two-step sign-in was reset',
    lines: [
      'An administrator removed the authenticator app and recovery codes from your account and signed out every device. At your next sign-in you will set up a new authenticator.',
      'If you did not ask for this, contact support.',
    ],
  },
  passkeyAdded: {
    subject: 'A passkey was added to your account',
    heading: 'A passkey was added to your account',
    lines: [
      'A new passkey can now sign in to your account on its own: it stands for both your password and your authenticator code.',
      'If this was not you, someone has signed in as you: sign in, delete the passkey under your passkeys, then change your password and replace your authenticator.',
    ],
  },
  passkeyRemoved: {
    subject: 'A passkey was removed from your account',
    heading: 'A passkey was removed from your account',
    lines: [
      'One of your passkeys was deleted and can no longer sign in to your account. Your password and authenticator app still work.',
      'If this was not you, someone has signed in as you: change your password and replace your authenticator now.',
    ],
  },
};

/** A security notification: no secret in it, plain text and HTML saying the same. */
export function notificationMail(args: { product: string; kind: NotificationKind }): FullMail {
  const { subject, heading, lines } = NOTIFICATIONS[args.kind];
  return {
    subject: `${args.product}: ${subject.toLowerCase()}`,
    ...render(args.product, heading, lines.map((line) => ({ paragraph: line }))),
  };
}

/** 2025-01-31T09:05:00.000Z becomes 2025-01-31 09:05 UTC. */
function readableUtc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
