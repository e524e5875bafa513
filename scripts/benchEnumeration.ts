import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { isInputObjectType } from 'graphql';
import { generate } from 'otplib';
import { asyncInvocationsSettled } from '../local/appsync/lambda';
import { loadSchema } from '../local/appsync/schema';
import { ManualClock, MINUTE } from '../local/cognito/clock';
import { startStack, type LocalStack } from '../local/stack';
import { readMailbox } from '../local/ses';
import { SoftAuthenticator } from '../test/local/cognito/softAuthenticator';
import { mannWhitneyU, median, quantile } from './stats';

/**
 * `npm run bench:enumeration`: does the time an answer takes tell whether an address has an
 * account? For each public operation that takes an e-mail, it times interleaved requests for a
 * known and an unknown address against a fresh offline stack and prints the medians, their ratio
 * and the two-sided Mann–Whitney U p-value. Target: p ≥ 0.01 and ratio ≤ 1.10. Exits 1 if an
 * operation misses it. Times are client-side, request sent to answer read, taken on a worker
 * thread: the stack runs in this thread, and work it does after answering (a queued function, as
 * Lambda would run elsewhere) must not delay the client reading the answer.
 */

const TARGET_P = 0.01;
const TARGET_RATIO = 1.1;
const PASSWORD = 'Bench-Mark-Password-1!';
/** Quiet time before each sample. */
const IDLE_MS = 25;

const { values: flags } = parseArgs({ options: { samples: { type: 'string', default: '48' } } });
const SAMPLES = Number(flags.samples);
if (!Number.isInteger(SAMPLES) || SAMPLES < 20) throw new Error('--samples must be a whole number of at least 20.');

const clock = new ManualClock();
let stack: LocalStack;
let fresh = 0;
/** An address no account has, different every time (createUser makes an account of each). */
const unknownAddress = () => `nobody-${process.pid}-${(fresh += 1)}@example.com`;

/** The timing client, on its own event loop. Plain CommonJS: a worker evaluates it as it is. */
const CLIENT = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', async ({ url, headers, body }) => {
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers, body });
  const text = await res.text();
  parentPort.postMessage({ ms: performance.now() - started, body: text });
});
`;
let client: Worker;

function gql(query: string, variables: Record<string, unknown>): Promise<{ ms: number; body: string }> {
  return new Promise((resolve, reject) => {
    client.once('message', resolve);
    client.once('error', reject);
    client.postMessage({
      url: stack.info.graphqlUrl,
      headers: { 'content-type': 'application/json', 'x-api-key': stack.info.apiKey },
      body: JSON.stringify({ query, variables }),
    });
  }).finally(() => client.removeAllListeners('error')) as Promise<{ ms: number; body: string }>;
}

async function dataOf(query: string, variables: Record<string, unknown>): Promise<Record<string, any>> {
  const { body } = await gql(query, variables);
  const parsed = JSON.parse(body) as { data: Record<string, any> | null; errors?: unknown };
  if (!parsed.data || parsed.errors) throw new Error(`Set-up request failed: ${body.slice(0, 300)}`);
  return parsed.data;
}

async function temporaryPasswordFor(email: string): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    await asyncInvocationsSettled();
    const mail = (await readMailbox(stack.info.mailboxUrl)).find((m) => m.destination.to.includes(email));
    const blocks = [...(mail?.body.html ?? '').matchAll(/<p style="[^"]*monospace[^"]*">([^<]*)<\/p>/g)].map((m) => m[1]!);
    if (blocks[1]) return blocks[1].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`No invitation reached ${email}.`);
}

async function invite(email: string): Promise<string> {
  await dataOf('mutation ($input: CreateUserInput!) { createUser(input: $input) { status } }', { input: { email, fullName: 'Bench User' } });
  return temporaryPasswordFor(email);
}

/** Enrols the address; answers the access token of that first sign-in. */
async function enrol(email: string): Promise<string> {
  const temporaryPassword = await invite(email);
  const { confirmUser } = await dataOf(
    'mutation ($input: ConfirmUserInput!) { confirmUser(input: $input) { mfaSetup { session secretCode } } }',
    { input: { email, temporaryPassword, newPassword: PASSWORD } },
  );
  const otp = await generate({ secret: confirmUser.mfaSetup.secretCode, epoch: Math.floor(clock.now().getTime() / 1000) });
  const { confirmMfa } = await dataOf('mutation ($input: ConfirmMfaInput!) { confirmMfa(input: $input) { tokens { accessToken } } }', {
    input: { email, session: confirmUser.mfaSetup.session, otp },
  });
  return confirmMfa.tokens.accessToken;
}

/** Registers a software passkey (for http://localhost) for the user of the token. */
async function addPasskey(accessToken: string): Promise<void> {
  const key = new SoftAuthenticator('http://localhost:5173');
  const withToken = (query: string, variables: Record<string, unknown> = {}) => dataOf(query, { ...variables, accessToken });
  const { startPasskeyRegistration } = await withToken('mutation ($accessToken: String) { startPasskeyRegistration(accessToken: $accessToken) { options } }');
  const credential = JSON.stringify(key.register(JSON.parse(startPasskeyRegistration.options)));
  await withToken(
    'mutation ($input: FinishPasskeyRegistrationInput!, $accessToken: String) { finishPasskeyRegistration(input: $input, accessToken: $accessToken) { id } }',
    { input: { credential } },
  );
}

interface Probe {
  name: string;
  /** The known address this operation is measured with, in the state where it does the most work. */
  known: string;
  request(email: string): { query: string; variables: Record<string, unknown> };
}

/** Fields the operation's input has beyond the e-mail get a value: a wrong password, a name. */
function inputFor(operation: string, email: string): Record<string, unknown> {
  const field = loadSchema().getMutationType()?.getFields()[operation];
  const inputType = field?.args.find((arg) => arg.name === 'input')?.type;
  const named = inputType && 'ofType' in inputType ? inputType.ofType : inputType;
  const input: Record<string, unknown> = { email };
  if (isInputObjectType(named)) {
    for (const name of Object.keys(named.getFields())) {
      if (name === 'password') input.password = 'Wrong-Password-9?';
      if (name === 'fullName') input.fullName = 'Bench User';
      if (name === 'recoveryCode') input.recoveryCode = 'aaaaa-aaaaa';
    }
  }
  return input;
}

function probe(name: string, known: string, selection: string): Probe {
  const typeName = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  return {
    name,
    known,
    request: (email) => ({
      query: `mutation ($input: ${typeName}!) { ${name}(input: $input) { ${selection} } }`,
      variables: { input: inputFor(name, email) },
    }),
  };
}

function shuffled<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

async function measure(p: Probe): Promise<{ known: number[]; unknown: number[] }> {
  const times = { known: [] as number[], unknown: [] as number[] };
  // Warm-up: the first requests load and compile the resolver and the function.
  for (let i = 0; i < 3; i += 1) await gql(p.request(p.known).query, p.request(unknownAddress()).variables);
  const order = shuffled([...Array<'known'>(SAMPLES).fill('known'), ...Array<'unknown'>(SAMPLES).fill('unknown')]);
  for (const side of order) {
    // Past any sign-in lockout (15 quiet minutes reset it), and no leftover work from the last sample.
    clock.advance(16 * MINUTE);
    await asyncInvocationsSettled();
    // Let the stack's own writes and timers after the last answer finish too.
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const { query, variables } = p.request(side === 'known' ? p.known : unknownAddress());
    times[side].push((await gql(query, variables)).ms);
  }
  return times;
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-enumeration-'));
  stack = await startStack({ dataDir, ports: { graphql: 0, cognito: 0, s3: 0, ses: 0 }, clock });
  client = new Worker(CLIENT, { eval: true });
  try {
    const enrolled = 'enrolled@example.com';
    const invited = 'invited@example.com';
    const withPasskey = 'passkey@example.com';
    await enrol(enrolled);
    await addPasskey(await enrol(withPasskey));
    await invite(invited);
    const probes = [
      probe('createUser', enrolled, 'userId email status'),
      probe('forgotPassword', enrolled, 'email status deliveryDestination'),
      probe('resendTemporaryPassword', invited, 'email status'),
      probe('login', enrolled, 'verificationType'),
      probe('resendMfaQrCode', enrolled, 'email status'),
      probe('recoverAccount', enrolled, 'verificationType'),
      probe('startPasskeySignIn', withPasskey, 'email options session'),
    ];
    console.log(`${SAMPLES} interleaved samples per side; target p ≥ ${TARGET_P} and median ratio ≤ ${TARGET_RATIO.toFixed(2)}\n`);
    console.log('operation                 known ms  unknown ms  ratio   p        verdict  spread (IQR/median, known | unknown)');
    let missed = 0;
    for (const p of probes) {
      const { known, unknown } = await measure(p);
      const [k, u] = [median(known), median(unknown)];
      const ratio = Math.max(k, u) / Math.min(k, u);
      const { p: pValue } = mannWhitneyU(known, unknown);
      const ok = pValue >= TARGET_P && ratio <= TARGET_RATIO;
      if (!ok) missed += 1;
      // How noisy the machine is: a wide spread makes the medians, and so the ratio, unreliable.
      const spread = (xs: number[]) => `${Math.round((100 * (quantile(xs, 0.75) - quantile(xs, 0.25))) / median(xs))}%`;
      console.log(
        `${p.name.padEnd(26)}${k.toFixed(2).padStart(8)}  ${u.toFixed(2).padStart(10)}  ${ratio.toFixed(3).padEnd(6)}  ${pValue.toFixed(4).padEnd(7)}  ${(ok ? 'ok' : 'MISSED').padEnd(7)}  ${spread(known)} | ${spread(unknown)}`,
      );
    }
    process.exitCode = missed > 0 ? 1 : 0;
  } finally {
    await client.terminate();
    await stack.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error('The benchmark failed:', err);
  process.exit(2);
});
