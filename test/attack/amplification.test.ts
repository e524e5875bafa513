import { describe, expect, it } from 'vitest';
import { MAX_TOKENS } from '../../local/appsync/limits';
import { Q, SUBJECTS, useAttackStack } from './stack';

/**
 * One request, one operation: aliases, batches and several operations in one document cannot make
 * one request run many functions or send many e-mails (api.resolverCountLimit is 1 in every
 * shipped environment), and documents built to exhaust the parser are refused as malformed.
 */

const attack = useAttackStack();

const aliased = (count: number, email: string) =>
  `mutation { ${Array.from({ length: count }, (_, i) => `a${i}: forgotPassword(input: { email: "${email}" }) { status }`).join(' ')} }`;

async function resetMailsTo(email: string): Promise<number> {
  await attack.settled();
  return (await attack.inbox().all(email)).filter((m) => SUBJECTS.reset.test(m.subject)).length;
}

describe('alias and batch amplification', () => {
  it('100 aliased forgotPassword run one operation and send one e-mail', async () => {
    const email = 'alias-target@example.com';
    await attack.signUp(email);
    const answer = await attack.gql(aliased(100, email));
    expect(answer.status).toBe(200);
    expect(answer.data).toBeNull();
    // The second alias hits the limit; its null ends the (serial) mutation, so the rest never start.
    expect(answer.errors).toContainEqual(expect.objectContaining({ path: ['a1'], errorType: 'ResolverExecutionLimitReached' }));
    expect(await resetMailsTo(email)).toBeLessThanOrEqual(1);
  });

  it('different operations aliased into one document still run only one', async () => {
    const email = 'mixed-target@example.com';
    await attack.signUp(email);
    const answer = await attack.gql(`mutation {
      a: forgotPassword(input: { email: "${email}" }) { status }
      b: resendMfaQrCode(input: { email: "${email}", password: "Any-Password-1!" }) { status }
      c: forgotPassword(input: { email: "${email}" }) { status }
    }`);
    expect(answer.errors).toContainEqual(expect.objectContaining({ path: ['b'], errorType: 'ResolverExecutionLimitReached' }));
    await attack.settled();
    expect((await attack.inbox().all(email)).length).toBeLessThanOrEqual(2 /* invitation + one */);
  });

  it('aliased passkey sign-in attempts run one: guesses at a passkey cannot be batched', async () => {
    const start = (i: number) => `s${i}: startPasskeySignIn(input: { email: "guess-${i}@example.com" }) { session }`;
    const finish = (i: number) =>
      `f${i}: finishPasskeySignIn(input: { email: "guess-${i}@example.com", session: "${'x'.repeat(40)}", credential: "{\\"id\\":\\"a\\",\\"response\\":{}}" }) { accessToken }`;
    for (const [prefix, field] of [['s', start], ['f', finish]] as const) {
      const answer = await attack.gql(`mutation { ${Array.from({ length: 20 }, (_, i) => field(i)).join(' ')} }`);
      expect(answer.data).toBeNull();
      // Only the first alias ran: the second, if reached, hit the limit, and the serial mutation ended there.
      const paths = answer.errors!.map((error) => error.path?.[0]);
      expect(paths.every((path) => path === `${prefix}0` || path === `${prefix}1`), paths.join()).toBe(true);
      for (const error of answer.errors!.filter((e) => e.path?.[0] === `${prefix}1`)) expect(error.errorType).toBe('ResolverExecutionLimitReached');
    }
    // startPasskeySignIn's first alias succeeded, so its second was reached and refused by the limit.
    const started = await attack.gql(`mutation { ${Array.from({ length: 20 }, (_, i) => start(i)).join(' ')} }`);
    expect(started.errors).toContainEqual(expect.objectContaining({ path: ['s1'], errorType: 'ResolverExecutionLimitReached' }));
  });

  it('a JSON array of 100 requests is refused as malformed, and runs nothing', async () => {
    const email = 'batch-target@example.com';
    const batch = Array.from({ length: 100 }, () => ({ query: Q.forgotPassword, variables: { input: { email } } }));
    const res = await attack.raw(JSON.stringify(batch));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ errors: [{ message: 'Unable to parse GraphQL query.', errorType: 'MalformedHttpRequestException' }] });
    expect(await resetMailsTo(email)).toBe(0);
  });

  it('several operations in one document run none without an operationName, and one with it', async () => {
    const email = 'multi-target@example.com';
    const document = Array.from({ length: 20 }, (_, i) => `mutation m${i} { forgotPassword(input: { email: "${email}" }) { status } }`).join('\n');
    const unnamed = await attack.gql(document);
    expect(unnamed.data).toBeNull();
    expect(unnamed.status).toBeLessThan(500);
    const named = await attack.raw(JSON.stringify({ query: document, operationName: 'm3' }));
    expect(named.status).toBe(200);
    expect(await resetMailsTo(email)).toBe(0); // unknown address: no mail at all, whatever ran
  });
});

describe('depth and token limits over HTTP', () => {
  it.each([
    ['3000 nested selections', `{ ${'me { '.repeat(3000)}${'}'.repeat(3000)} }`],
    ['5000 nested lists', `{ me(accessToken: ${'['.repeat(5000)}${']'.repeat(5000)}) { email } }`],
    [`${MAX_TOKENS * 10} tokens`, `{ ${'__typename '.repeat(MAX_TOKENS * 10)}}`],
    ['100 000 aliases', `{ ${Array.from({ length: 100_000 }, (_, i) => `a${i}: __typename`).join(' ')} }`],
  ])('%s answer a 4xx MalformedHttpRequestException, never a 500', async (_name, query) => {
    const res = await attack.raw(JSON.stringify({ query }));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const body = (await res.json()) as { errors: Array<{ errorType: string }> };
    expect(body.errors[0]?.errorType).toBe('MalformedHttpRequestException');
  });
});
