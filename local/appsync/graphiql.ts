import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { operationExamples } from './examples';

/**
 * GraphiQL served from node_modules, so it works with no network: one tab per operation, each
 * with the example document and variables, and the API key sent on every request.
 */

export const ASSET_PREFIX = '/graphiql/';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** The browser builds: React 18's UMD files and GraphiQL's bundle, which expects them as globals. */
const ASSET_FILES: Readonly<Record<string, readonly [string, string]>> = {
  'react.production.min.js': [join(packageDir('react'), 'umd/react.production.min.js'), 'text/javascript'],
  'react-dom.production.min.js': [join(packageDir('react-dom'), 'umd/react-dom.production.min.js'), 'text/javascript'],
  'graphiql.min.js': [join(packageDir('graphiql'), 'graphiql.min.js'), 'text/javascript'],
  'graphiql.min.css': [join(packageDir('graphiql'), 'graphiql.min.css'), 'text/css'],
};

/**
 * One tab per operation is about twenty tabs: they wrap onto a second row rather than scroll out
 * of sight, so every operation stays one click away on a laptop screen (1400 px wide: two rows).
 */
export const PAGE_STYLE = [
  'html, body, #graphiql { height: 100%; margin: 0; }',
  '.graphiql-container .graphiql-session-header { height: auto; min-height: var(--session-header-height); }',
  '.graphiql-tabs { flex-wrap: wrap; gap: var(--px-4) var(--px-8); overflow-x: visible; padding: var(--px-8) var(--px-12); }',
  '.graphiql-tabs > :not(:first-child) { margin-left: 0; }',
  '.graphiql-tab-button { padding: var(--px-4) var(--px-8); font-size: var(--font-size-body); }',
].join('\n');

/** Starts GraphiQL with the settings embedded in the page. */
const START_SCRIPT = `
const config = JSON.parse(document.getElementById('graphiql-config').textContent);
const fetcher = GraphiQL.createFetcher({ url: config.url, headers: { 'x-api-key': config.apiKey } });
const storage = GraphiQL.createLocalStorage({ namespace: config.storageNamespace });
// On a first visit GraphiQL fills the first tab's editors from the props, not from defaultTabs.
const firstVisit = !storage.getItem('graphiql:tabState');
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher,
    storage,
    defaultTabs: config.tabs,
    defaultHeaders: config.headers,
    variables: firstVisit ? config.tabs[0]?.variables : undefined,
    defaultEditorToolsVisibility: 'variables',
    shouldPersistHeaders: true,
  }),
);
`;

export interface Asset {
  body: Buffer | string;
  contentType: string;
}

/** The asset served at ASSET_PREFIX + name, or undefined. Files are read once. */
export function graphiqlAsset(name: string): Asset | undefined {
  if (name === 'start.js') return { body: START_SCRIPT, contentType: 'text/javascript; charset=UTF-8' };
  const entry = Object.hasOwn(ASSET_FILES, name) ? ASSET_FILES[name] : undefined;
  if (!entry) return undefined;
  return { body: readAsset(entry[0]), contentType: `${entry[1]}; charset=UTF-8` };
}

const cache = new Map<string, Buffer>();
function readAsset(path: string): Buffer {
  let body = cache.get(path);
  if (!body) {
    body = readFileSync(path);
    cache.set(path, body);
  }
  return body;
}

/** JSON that is safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export function graphiqlPage(schema: GraphQLSchema, apiKey: string, graphqlPath: string): string {
  const headers = JSON.stringify({ 'x-api-key': apiKey }, null, 2);
  const tabs = operationExamples(schema).map((example) => ({
    query: example.document,
    variables: JSON.stringify(example.variables, null, 2),
    headers,
  }));
  // Stored tabs win over defaultTabs: a new operation or key gets a fresh store, so every tab shows.
  const storageNamespace = `auth-gateway-local-${createHash('sha256').update(scriptJson({ tabs, apiKey })).digest('hex').slice(0, 12)}`;
  const config = { url: graphqlPath, apiKey, headers, tabs, storageNamespace };
  const asset = (name: string) => ASSET_PREFIX + name;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Auth gateway (local) · GraphiQL</title>
<link rel="stylesheet" href="${asset('graphiql.min.css')}">
<style>${PAGE_STYLE}</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script id="graphiql-config" type="application/json">${scriptJson(config)}</script>
<script src="${asset('react.production.min.js')}"></script>
<script src="${asset('react-dom.production.min.js')}"></script>
<script src="${asset('graphiql.min.js')}"></script>
<script src="${asset('start.js')}"></script>
</body>
</html>
`;
}
