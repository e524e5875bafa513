import { config } from './config';
import { sendMail } from './mail';
import { escapeHtml } from './templates';

/**
 * Tells the user an operator reset their two-step sign-in, so an unexpected reset does not go
 * unnoticed. The only place adminResetMfa's e-mail is written: swap it for the shared user
 * notification when there is one.
 */
export async function notifyMfaReset(to: string): Promise<void> {
  const product = config.mfaIssuer();
  const lines = [
    'Our support team has reset the two-step sign-in of your account, as requested.',
    'At your next sign-in you will set up your authenticator app again by scanning a new QR code. Your old recovery codes no longer work, and you have been signed out everywhere.',
    'If you did not ask for this, contact support straight away.',
  ];
  await sendMail({
    to,
    subject: `Your ${product} two-step sign-in was reset`,
    text: [`${product}: your two-step sign-in was reset`, '', ...lines].join('\n'),
    html: `<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;color:#1f2933"><p style="font-size:13px;color:#52606d">${escapeHtml(product)}</p><h1 style="font-size:20px">Your two-step sign-in was reset</h1>${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</body></html>`,
  });
}
