import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { closeServer, httpUrl, listen, LOOPBACK } from './net';
import { isSendEmail, refusalOf, sendRefusal, type SesIam } from './sesIam';

/**
 * The local SES: aws-ses-v2-local, run in this process behind a small front that checks each
 * SendEmail's signature and policy (the package checks neither). It answers the SESv2 SendEmail
 * API, keeps every message in memory, shows them at its web UI (`/`) and as JSON at `/store`. Its
 * store is one per process, so each start empties it.
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
  /** When set, SendEmail must be signed by a key this directory knows and allowed ses:SendEmail on the sending identity. */
  iam?: SesIam;
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
  // The package listens on a free port of its own; the port asked for is the front's.
  const mailbox = await sesLocal.default({ port: 0, host });
  if (!mailbox.listening) throw new Error(`The local SES could not listen on ${host}.`);
  const inner = (mailbox.address() as AddressInfo).port;
  const front = createServer((req, res) => {
    void forward(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(502, { connection: 'close' }).end();
      else res.destroy();
    });
  });
  async function forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    if (options.iam && isSendEmail(req)) {
      const refusal = await refusalOf(options.iam, req, body.toString('utf8'));
      if (refusal) return sendRefusal(res, refusal);
    }
    await new Promise<void>((resolve, reject) => {
      const upstream = httpRequest(
        { host, port: inner, method: req.method, path: req.url, headers: { ...req.headers, host: `${host}:${inner}`, connection: 'close' }, agent: false },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res).on('finish', resolve).on('error', reject);
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });
  }
  let port: number;
  try {
    port = await listen(front, options.port, host);
  } catch (err) {
    await closeServer(mailbox);
    throw err;
  }
  const url = httpUrl(host, port);
  const close = async () => {
    await closeServer(front);
    await closeServer(mailbox);
  };
  const cleared = await fetch(`${url}/clear-store`, { ...ONE_SHOT, method: 'POST' });
  if (!cleared.ok) {
    await close();
    throw new Error(`The local SES did not clear its mailbox (HTTP ${cleared.status}).`);
  }
  return { url, port, close };
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
