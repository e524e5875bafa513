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

/** Starts listening and resolves with the port actually bound (useful with port 0). */
export function listen(server: Server, port: number, host: string): Promise<number> {
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
