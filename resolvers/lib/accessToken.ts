import type { Context } from '@aws-appsync/utils';

/** The `accessToken` argument wins over the Authorization header (`Bearer <token>` or bare). */
export function accessTokenOf(ctx: Context): string | null {
  const argument = ctx.arguments.accessToken;
  if (argument) return argument;
  const header: string | undefined = ctx.request.headers.authorization;
  if (!header) return null;
  const value = header.trim();
  return value.toLowerCase().startsWith('bearer ') ? value.slice(7).trim() : value;
}
