import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, type InlineConfig } from 'vite';
import { resolveGateway, type Gateway } from './gateway';

export type { Gateway };

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

/** `vite examples/spa` run by hand: the stack on the default data folder (`npm run spa` takes --data-dir). */
export default defineConfig(async () => spaConfig(await resolveGateway('.local')));
