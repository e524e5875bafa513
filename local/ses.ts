import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { assertPortFree, closeServer, httpUrl, LOOPBACK } from './net';

/**
 * The local SES: aws-ses-v2-local, run in this process. It answers the SESv2 SendEmail API, keeps
 * every message in memory, shows them at its web UI (`/`) and as JSON at `/store`. Its store is
 * one per process, so each start empties it.
 */

// A CommonJS package whose default export the ESM loaders disagree on: require gives one answer.
const sesLocal = createRequire(import.meta.url)('aws-ses-v2-local') as typeof import('aws-ses-v2-local');

/**
 * No keep-alive: a mailbox restarted on the same port would otherwise meet the old server's
 * closed socket on its first request.
 */
const ONE_SHOT = { headers: { connection: 'close' } };

export interface SesOptions {
  port: number;
}

export interface LocalSes {
  /** The mailbox web UI, and the endpoint for SESv2 clients. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Always on loopback: `/store` hands every message, temporary passwords and reset codes included,
 * to whoever asks, with no authentication, so it must never be reachable from another machine.
 */
export async function startSes(options: SesOptions): Promise<LocalSes> {
  const host = LOOPBACK;
  const server = await sesLocal.default({ port: options.port, host });
  if (!server.listening) {
    // The package swallows the listen error; probing the port tells whether it was taken.
    await assertPortFree(options.port, host);
    throw new Error(`The local SES could not listen on ${host}:${options.port}.`);
  }
  const port = (server.address() as AddressInfo).port;
  const url = httpUrl(host, port);
  const cleared = await fetch(`${url}/clear-store`, { ...ONE_SHOT, method: 'POST' });
  if (!cleared.ok) {
    await closeServer(server);
    throw new Error(`The local SES did not clear its mailbox (HTTP ${cleared.status}).`);
  }
  return { url, port, close: () => closeServer(server) };
}

const messageSchema = z.object({
  messageId: z.string(),
  from: z.string(),
  replyTo: z.array(z.string()),
  destination: z.object({ to: z.array(z.string()), cc: z.array(z.string()), bcc: z.array(z.string()) }),
  subject: z.string(),
  body: z.object({ html: z.string().optional(), text: z.string().optional() }),
  attachments: z.array(
    z.object({ content: z.string(), contentType: z.string(), filename: z.string().optional(), size: z.number() }),
  ),
  /** When it was sent, in seconds since the epoch. */
  at: z.number(),
});

export type MailboxMessage = z.output<typeof messageSchema>;

const storeSchema = z.object({ emails: z.array(messageSchema) });

/** Every message the local SES has received, oldest first; `since` keeps those sent at or after it. */
export async function readMailbox(url: string, options: { since?: Date } = {}): Promise<MailboxMessage[]> {
  const query = options.since ? `?since=${Math.floor(options.since.getTime() / 1000)}` : '';
  const response = await fetch(`${url}/store${query}`, ONE_SHOT);
  if (!response.ok) throw new Error(`The local mailbox answered HTTP ${response.status}.`);
  return storeSchema.parse(await response.json()).emails;
}

/** Polls the mailbox until a message matches, for at most `timeoutMs`. */
export async function waitForMessage(
  url: string,
  matches: (message: MailboxMessage) => boolean,
  { timeoutMs = 5000, intervalMs = 50 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<MailboxMessage> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await readMailbox(url)).find(matches);
    if (found) return found;
    if (Date.now() >= deadline) throw new Error(`No matching e-mail reached the local mailbox within ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
