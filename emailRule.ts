/**
 * The gateway's e-mail rule, stricter than AppSync's AWSEmail: the host needs a dot and a
 * top-level domain of letters. The functions (functions/lib/validate.ts) and the resolvers that
 * check input themselves (resolvers/lib/input.ts, on APPSYNC_JS, whose `util.matches` takes a
 * pattern string and matches the whole value) both read it, so the same addresses pass everywhere.
 */
export const EMAIL_PATTERN = "(?:[A-Za-z0-9_'+\\-]+\\.)*[A-Za-z0-9_'+\\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\\-]*\\.)+[A-Za-z]{2,}";
