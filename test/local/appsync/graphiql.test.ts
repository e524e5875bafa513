import { describe, expect, it } from 'vitest';
import { PAGE_STYLE } from '../../../local/appsync/graphiql';
import { userOperations } from '../../../operations';
import { API_KEY, useRuntime } from './runtime';

const { url } = useRuntime();

async function page(path = '/graphql'): Promise<string> {
  const res = await fetch(new URL(path, url()));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  // The page embeds the API key: no other origin may read it.
  expect(res.headers.get('access-control-allow-origin')).toBeNull();
  return res.text();
}

/** Every address the page loads: script sources, stylesheets, CSS url(…). */
function loadedAddresses(html: string): string[] {
  const attributes = [...html.matchAll(/\b(?:src|href)\s*=\s*"([^"]*)"/g)].map((m) => m[1]!);
  const cssUrls = [...html.matchAll(/url\(\s*['"]?([^'")]*)/g)].map((m) => m[1]!);
  return [...attributes, ...cssUrls];
}

function config(html: string) {
  const json = /<script id="graphiql-config" type="application\/json">([^<]*)<\/script>/.exec(html)?.[1];
  expect(json).toBeDefined();
  return JSON.parse(json!) as { url: string; apiKey: string; headers: string; tabs: Array<{ query: string; variables: string; headers: string }> };
}

describe('GraphiQL', () => {
  it('is served at /graphql and at /', async () => {
    expect(await page('/graphql')).toContain('id="graphiql"');
    expect(await page('/')).toContain('id="graphiql"');
  });

  it('loads only assets of this server, each answering 200', async () => {
    const html = await page();
    const addresses = loadedAddresses(html);
    expect(addresses.length).toBeGreaterThanOrEqual(5);
    for (const address of addresses) {
      // Same-origin paths only: no scheme, no protocol-relative //host.
      expect(address).toMatch(/^\/(?!\/)/);
      const res = await fetch(new URL(address, url()));
      expect(res.status, address).toBe(200);
      expect((await res.arrayBuffer()).byteLength, address).toBeGreaterThan(0);
    }
    const outsideConfig = html.replace(/<script id="graphiql-config"[^>]*>[^<]*<\/script>/, '');
    expect(outsideConfig).not.toMatch(/https?:\/\//);
  });

  it('serves GraphiQL with React as its global, and the start script that uses them', async () => {
    const js = async (name: string) => (await fetch(new URL(`/graphiql/${name}`, url()))).text();
    expect(await js('graphiql.min.js')).toContain('window["React"]');
    expect(await js('react.production.min.js')).toContain('React');
    expect(await js('start.js')).toContain('createFetcher');
  });

  it('sends the API key on every request by default', async () => {
    const { apiKey, headers, tabs } = config(await page());
    expect(apiKey).toBe(API_KEY);
    expect(JSON.parse(headers)).toEqual({ 'x-api-key': API_KEY });
    for (const tab of tabs) expect(JSON.parse(tab.headers)).toEqual({ 'x-api-key': API_KEY });
  });

  it('has one tab per operation, in table order', async () => {
    const { tabs } = config(await page());
    const names = tabs.map((tab) => /^(?:query|mutation) (\w+)/.exec(tab.query)?.[1]);
    expect(names).toEqual(userOperations.map((op) => op.field));
  });

  it('fills every tab with realistic variables, no placeholders', async () => {
    const { tabs } = config(await page());
    for (const tab of tabs) expect(tab.variables).not.toMatch(/[<>]/);
    expect(tabs[0]!.variables).toContain('ada.lovelace@example.com');
  });

  it("wraps the tabs onto more rows instead of scrolling them, styling GraphiQL's own class names", async () => {
    const html = await page();
    expect(html).toContain(`<style>${PAGE_STYLE}</style>`);
    expect(PAGE_STYLE).toMatch(/\.graphiql-tabs \{[^}]*flex-wrap: wrap/);
    // A GraphiQL upgrade that renames a class the style targets fails here, not silently in a browser.
    const css = await (await fetch(new URL('/graphiql/graphiql.min.css', url()))).text();
    for (const name of new Set(PAGE_STYLE.match(/graphiql-[a-z-]+/g))) expect(css, name).toContain(`.${name}`);
  });

  it('answers 404 for an asset it does not have', async () => {
    const res = await fetch(new URL('/graphiql/../../package.json', url()));
    expect(res.status).toBe(404);
    const unknown = await fetch(new URL('/graphiql/secrets.js', url()));
    expect(unknown.status).toBe(404);
  });
});
