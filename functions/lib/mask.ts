/**
 * Masks an e-mail address the way Cognito shows delivery destinations (ada@example.com becomes
 * a***@e***), so an answer made up for an unknown address looks like a real one.
 */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  const local = at < 0 ? address : address.slice(0, at);
  const domain = at < 0 ? '' : address.slice(at + 1);
  // Whole code points, so an address starting with an astral character is not cut in half.
  const first = (text: string) => [...text][0] ?? '';
  return `${first(local)}***@${first(domain)}***`;
}
