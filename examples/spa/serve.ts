import { parseArgs } from 'node:util';
import { createServer } from 'vite';
import { NoGatewayError, resolveGateway } from './gateway';
import { spaConfig } from './vite.config';

/** `npm run spa -- [--data-dir <dir>] [--port <port>]`: the example app, on the running stack. */

const USAGE = `npm run spa -- [options]
  --data-dir <dir>   the data folder of the running local stack (default .local, as npm start)
  --port <port>      the app's port (default 5173; 0 picks a free one)
VITE_GRAPHQL_URL and VITE_API_KEY, when both are set, name another gateway (a deployed one).`;

function options(): { dataDir: string; port: number | undefined } {
  try {
    const { values } = parseArgs({
      options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean' } },
      strict: true,
    });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    const port = values.port === undefined ? undefined : Number(values.port);
    if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) throw new Error(`--port ${values.port} is not a port number.`);
    return { dataDir: values['data-dir'] ?? '.local', port };
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}

const { dataDir, port } = options();
try {
  const gateway = await resolveGateway(dataDir);
  const config = spaConfig(gateway);
  const server = await createServer({ ...config, configFile: false, server: { ...config.server, port, strictPort: port !== undefined } });
  await server.listen();
  console.log(`Example SPA on the gateway ${gateway.graphqlUrl}`);
  // Browsers send localhost to loopback; passkeys are bound to localhost (dev's relying party ID), not 127.0.0.1.
  const local = server.resolvedUrls?.local[0];
  if (local) console.log(`  Open ${local.replace('://127.0.0.1:', '://localhost:')} (passkeys work on localhost only)`);
} catch (err) {
  if (!(err instanceof NoGatewayError)) throw err;
  console.error(err.message);
  process.exit(1);
}
