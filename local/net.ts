import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Every local service listens on loopback only: nothing here is meant to be reachable from the network. */
export const LOOPBACK = '127.0.0.1';

export class PortInUseError extends Error {
  override name = 'PortInUseError';
  constructor(readonly port: number, readonly host: string) {
    super(`Port ${port} on ${host} is already in use.`);
  }
}

/** True for the error Node gives when a port is taken, whoever wrapped it. */
export function isPortInUse(err: unknown): boolean {
  return err instanceof PortInUseError || (err as { code?: string } | null)?.code === 'EADDRINUSE';
}

/**
 * How long a local service keeps an idle keep-alive connection open. The SDK keeps connections
 * alive between calls (https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/node-reusing-connections.html)
 * and AWS's endpoints keep them open across the pauses of a session; Node's default of 5 seconds
 * does not: a function that called Cognito, sat idle about that long and called again could send
 * its request on the connection the service was closing and get "socket hang up" (ECONNRESET),
 * which the functions do not retry. Stopping a service still closes idle connections at once.
 */
export const IDLE_CONNECTION_MS = 5 * 60_000;

/** Starts listening and resolves with the port actually bound (useful with port 0). */
export function listen(server: Server, port: number, host: string): Promise<number> {
  server.keepAliveTimeout = IDLE_CONNECTION_MS;
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      reject(err.code === 'EADDRINUSE' ? new PortInUseError(port, host) : err);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Stops accepting connections and drops idle keep-alive ones, so the port is free when this
 * resolves. Requests still running get a moment to finish before their connections are cut.
 */
export function closeServer(server: Server, graceMs = 1000): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const cut = setTimeout(() => server.closeAllConnections(), graceMs).unref();
    server.close((err) => {
      clearTimeout(cut);
      if (err) reject(err);
      else resolve();
    });
    server.closeIdleConnections();
  });
}

/** Fails with PortInUseError when `port` cannot be bound on `host` right now. Port 0 is always free. */
export async function assertPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return;
  const probe = createServer();
  await listen(probe, port, host);
  await closeServer(probe);
}

export const httpUrl = (host: string, port: number) => `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
