import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, type InlineConfig } from 'vite';

/** Where the example sends its requests: the gateway's GraphQL endpoint and API key. */
export interface Gateway {
  graphqlUrl: string;
  apiKey: string;
}

const SPA_DIR = fileURLToPath(new URL('.', import.meta.url));
const REPO_DIR = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The example's Vite settings. The browser tests call this with the gateway of the stack they
 * start; `npm run spa` loads the default export below. The gateway reaches the page as the
 * `__GATEWAY__` constant.
 */
export function spaConfig(gateway: Gateway): InlineConfig {
  return {
    root: SPA_DIR,
    plugins: [react()],
    // The client package (a workspace) is used from its TypeScript source, as tsconfig.json says.
    resolve: { conditions: ['@auth-gateway/source', ...defaultClientConditions] },
    define: { __GATEWAY__: JSON.stringify(gateway) },
    cacheDir: `${REPO_DIR}node_modules/.vite/spa`,
    // Listed up front so the first page load never triggers a re-optimisation and a reload.
    optimizeDeps: { include: ['react', 'react/jsx-runtime', 'react/jsx-dev-runtime', 'react-dom/client'] },
    server: {
      host: '127.0.0.1',
      // The client package lives in packages/client, outside the example's folder.
      fs: { allow: [REPO_DIR] },
    },
  };
}

/**
 * `npm run spa`: the gateway comes from VITE_GRAPHQL_URL and VITE_API_KEY when both are set,
 * otherwise from the stack.json that `npm start` writes.
 */

const STACK_FILE = fileURLToPath(new URL('../../.local/stack.json', import.meta.url));

function gateway(): Gateway {
  const { VITE_GRAPHQL_URL: graphqlUrl, VITE_API_KEY: apiKey } = process.env;
  if (graphqlUrl && apiKey) return { graphqlUrl, apiKey };
  let stack: Partial<Gateway>;
  try {
    stack = JSON.parse(readFileSync(STACK_FILE, 'utf8')) as Partial<Gateway>;
  } catch {
    throw new Error(`No ${STACK_FILE}: start the local stack first with npm start, or set VITE_GRAPHQL_URL and VITE_API_KEY.`);
  }
  if (!stack.graphqlUrl || !stack.apiKey) throw new Error(`${STACK_FILE} has no graphqlUrl or apiKey: restart the stack with npm start.`);
  return { graphqlUrl: stack.graphqlUrl, apiKey: stack.apiKey };
}

export default defineConfig(() => spaConfig(gateway()));
