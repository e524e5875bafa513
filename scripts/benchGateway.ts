import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generate } from 'otplib';
import { asyncInvocationsSettled } from '../local/appsync/lambda';
import { readMailbox } from '../local/ses';
import { startStack, type LocalStack } from '../local/stack';
import { median } from './stats';

/**
 * `npm run bench:gateway`: what the local gateway adds to a hot-path call. On a fresh offline
 * stack it signs one user up, then times, interleaved, `me` through the local AppSync runtime
 * (resolver → HTTP data source → Cognito emulator) and the same GetUser sent straight to the
 * emulator, exactly as the resolver's HTTP request sends it. Prints both medians (p50), the added
 * time and the ratio, all from the same run. Times are client-side: request sent to answer read.
 */

const { values: flags } = parseArgs({ options: { samples: { type: 'string', default: '400' }, warmup: { type: 'string', default: '50' } } });
const SAMPLES = Number(flags.samples);
const WARMUP = Number(flags.warmup);
if (!Number.isInteger(SAMPLES) || SAMPLES < 20) throw new Error('--samples must be a whole number of at least 20.');
if (!Number.isInteger(WARMUP) || WARMUP < 0) throw new Error('--warmup must be a whole number.');

const PASSWORD = 'Bench-Gateway-Password-1!';
const EMAIL = 'bench-gateway@example.com';

let stack: LocalStack;

async function graphql(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<any> {
  const res = await fetch(stack.info.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': stack.info.apiKey, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data: any; errors?: unknown };
  if (!body.data || body.errors) throw new Error(`Request failed: ${JSON.stringify(body.errors).slice(0, 300)}`);
  return body.data;
}

async function temporaryPassword(): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    await asyncInvocationsSettled();
    const mail = (await readMailbox(stack.info.mailboxUrl)).find((m) => m.destination.to.includes(EMAIL));
    const blocks = [...(mail?.body.html ?? '').matchAll(/<p style="[^"]*monospace[^"]*">([^<]*)<\/p>/g)].map((m) => m[1]!);
    if (blocks[1]) return blocks[1].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`No invitation reached ${EMAIL}.`);
}

/** A signed-in user's access token, the way the app gets one. */
async function signUp(): Promise<string> {
  await graphql('mutation ($input: CreateUserInput!) { createUser(input: $input) { status } }', { input: { email: EMAIL, fullName: 'Bench User' } });
  const { confirmUser } = await graphql(
    'mutation ($input: ConfirmUserInput!) { confirmUser(input: $input) { mfaSetup { session secretCode } } }',
    { input: { email: EMAIL, temporaryPassword: await temporaryPassword(), newPassword: PASSWORD } },
  );
  const otp = await generate({ secret: confirmUser.mfaSetup.secretCode });
  const { confirmMfa } = await graphql('mutation ($input: ConfirmMfaInput!) { confirmMfa(input: $input) { tokens { accessToken } } }', {
    input: { email: EMAIL, session: confirmUser.mfaSetup.session, otp },
  });
  return confirmMfa.tokens.accessToken;
}

async function timed(send: () => Promise<Response>): Promise<number> {
  const started = performance.now();
  const res = await send();
  await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return performance.now() - started;
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-gateway-'));
  stack = await startStack({ dataDir, fresh: true, ports: { graphql: 0, cognito: 0, s3: 0, ses: 0 } });
  try {
    const accessToken = await signUp();
    const gateway = () =>
      fetch(stack.info.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': stack.info.apiKey, authorization: `Bearer ${accessToken}` },
        body: JSON.stringify({ query: '{ me { userId email emailVerified fullName groups mfaEnabled } }' }),
      });
    const direct = () =>
      fetch(stack.info.cognitoEndpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.GetUser' },
        body: JSON.stringify({ AccessToken: accessToken }),
      });
    for (let i = 0; i < WARMUP; i += 1) {
      await timed(gateway);
      await timed(direct);
    }
    const viaGateway: number[] = [];
    const straight: number[] = [];
    for (let i = 0; i < SAMPLES; i += 1) {
      // Interleaved, alternating which goes first, so drift hits both alike.
      if (i % 2 === 0) {
        viaGateway.push(await timed(gateway));
        straight.push(await timed(direct));
      } else {
        straight.push(await timed(direct));
        viaGateway.push(await timed(gateway));
      }
    }
    const [g, d] = [median(viaGateway), median(straight)];
    console.log(`samples            ${SAMPLES} each (after ${WARMUP} warm-up pairs)`);
    console.log(`me via gateway p50 ${g.toFixed(2)} ms`);
    console.log(`GetUser direct p50 ${d.toFixed(2)} ms`);
    console.log(`added by gateway   ${(g - d).toFixed(2)} ms`);
    console.log(`ratio              ${(g / d).toFixed(2)}`);
  } finally {
    await stack.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
