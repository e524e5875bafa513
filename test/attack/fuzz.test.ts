import { describe, expect, it } from 'vitest';
import { leaksIn, Q, useAttackStack } from './stack';

/**
 * A seeded fuzzer of malformed requests against the public endpoint: random bytes, broken JSON,
 * GraphQL token soup, valid operations with wrong-typed variables, odd methods, paths and headers.
 * Whatever comes in, the gateway answers below 500, without a stack trace, a file path, an AWS
 * exception name or SDK metadata, and is still serving afterwards. Same seed, same requests.
 */

const attack = useAttackStack();
const SEED = 20_261_202;
const REQUESTS = 600;

/** mulberry32: small, fast and good enough to spread cases; not for secrets. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const VOCABULARY = [
  '{', '}', '(', ')', '[', ']', ':', '$', '!', '@', '...', '=', '|', '&', ',',
  'query', 'mutation', 'subscription', 'fragment', 'on', 'me', 'createUser', 'login', 'forgotPassword',
  'input', 'email', 'accessToken', 'userId', '__schema', '__type', '__typename', 'include', 'skip', 'if',
  '"a@b.co"', '"x"', '""', '"""block"""', '"\\u0000"', '"\\uD800"', '0', '-1', '1e400', '0x10', 'true', 'null',
  '#comment\n', '\u00e9', '\ud83d\ude00', '\t', '\n', ' ', '$input', 'CreateUserInput!', 'String', 'AWSEmail',
];

const QUERIES = Object.values(Q);

type Case = { body: string; method?: string; path?: string; headers?: Record<string, string> };

function generator(next: () => number) {
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T,>(items: readonly T[]): T => items[int(items.length)]!;
  const bytes = (length: number) => Buffer.from(Array.from({ length }, () => int(256))).toString('latin1');
  const value = (depth = 0): unknown => {
    switch (int(depth > 3 ? 6 : 9)) {
      case 0: return null;
      case 1: return int(2) === 0;
      case 2: return (next() - 0.5) * 10 ** int(20);
      case 3: return pick(['', 'a@b.co', 'not-an-email', '+447700900123', '\u0000', 'x'.repeat(int(5000)), '${jndi:x}', '<script>']);
      case 4: return bytes(int(40));
      case 5: return int(1e9);
      case 6: return Array.from({ length: int(5) }, () => value(depth + 1));
      default: return Object.fromEntries(Array.from({ length: int(5) }, () => [pick(['input', 'email', 'password', '__proto__', 'constructor', 'x']), value(depth + 1)]));
    }
  };
  /** What a header can carry: visible ASCII. */
  const printable = (length: number) => String.fromCharCode(...Array.from({ length }, () => 0x21 + int(94)));
  const soup = () => Array.from({ length: 1 + int(60) }, () => pick(VOCABULARY)).join(pick([' ', '']));
  const cases: Array<() => Case> = [
    () => ({ body: bytes(int(2000)) }),
    () => ({ body: JSON.stringify({ query: QUERIES[int(QUERIES.length)] }).slice(0, int(200)) }),
    () => ({ body: JSON.stringify({ query: soup(), variables: value() }) }),
    () => ({ body: JSON.stringify({ query: pick(QUERIES), variables: value(), operationName: value() }) }),
    () => ({ body: JSON.stringify({ query: pick(QUERIES), variables: { input: value(), accessToken: value() } }) }),
    () => ({ body: JSON.stringify(value()) }),
    () => ({ body: JSON.stringify({ query: value(), variables: value() }) }),
    () => ({ body: JSON.stringify({ query: pick(QUERIES) }), headers: { authorization: pick(['Bearer', `Bearer ${printable(30)}`, 'Basic Zm9vOmJhcg==', 'x'.repeat(8000)]) } }),
    () => ({ body: JSON.stringify({ query: pick(QUERIES) }), headers: { 'content-type': pick(['text/plain', 'application/graphql', 'multipart/form-data; boundary=x', '']) } }),
    () => ({ body: '', method: pick(['GET', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']), path: pick(['/graphql', '/', '/graphiql/start.js', '/graphiql/../../package.json', '/graphql?query={me{email}}', '/%2e%2e/%2e%2e/etc/passwd', `/${'a'.repeat(4000)}`]) }),
    () => ({ body: JSON.stringify({ query: `{ me(accessToken: ${'['.repeat(int(3000))}${']'.repeat(int(3000))}) { email } }` }) }),
    () => ({ body: JSON.stringify({ query: `query { ${'me { '.repeat(int(3500))}${'}'.repeat(int(3500))} }` }) }),
  ];
  return () => pick(cases)();
}

describe('a seeded fuzzer of malformed requests', () => {
  it(`answers ${REQUESTS} of them below 500, leaking nothing, and keeps serving`, async () => {
    const nextCase = generator(random(SEED));
    const problems: string[] = [];
    for (let i = 0; i < REQUESTS; i += 1) {
      const request = nextCase();
      const res = await attack.raw(request.body, request.headers, request.method, request.path);
      const text = await res.text();
      const found = leaksIn(request.method === 'GET' && res.headers.get('content-type')?.startsWith('text/') ? '' : text);
      if (res.status >= 500) problems.push(`#${i}: HTTP ${res.status} ${text.slice(0, 200)}`);
      if (found.length > 0) problems.push(`#${i}: ${found.join(', ')} in ${text.slice(0, 300)}`);
    }
    expect(problems).toEqual([]);
    await attack.settled();
    const alive = await attack.gql(Q.forgotPassword, { input: { email: 'after@example.com' } });
    expect(alive.status).toBe(200);
    expect(alive.errors).toBeUndefined();
  }, 60_000);
});
