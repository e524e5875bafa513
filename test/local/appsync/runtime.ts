import { afterAll, beforeAll } from 'vitest';
import type { GraphQLResponse } from '../../../local/appsync/execute';
import type { FunctionRuntime } from '../../../local/appsync/lambda';
import type { ApiLimits } from '../../../local/appsync/limits';
import { startAppSyncRuntime } from '../../../local/appsync/server';
import { useTestEnv } from '../../helpers';

/** Starts the runtime on a free loopback port for one test file and posts GraphQL to it. */

export const API_KEY = 'da2-localtestkey0000000000';

export interface RuntimeClient {
  url(): string;
  /** POSTs a GraphQL request with the API key, plus `headers`. */
  post(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<Response>;
}

/** `functions`: how fields reach their functions; by default each `functions/<field>.ts` in this process. */
export function useRuntime(limits?: ApiLimits, functions?: FunctionRuntime): RuntimeClient {
  let runtime: Awaited<ReturnType<typeof startAppSyncRuntime>> | undefined;
  beforeAll(async () => {
    useTestEnv();
    runtime = await startAppSyncRuntime({ port: 0, apiKey: API_KEY, limits, functions });
  });
  afterAll(() => runtime?.close());
  const url = () => {
    if (!runtime) throw new Error('The runtime has not started.');
    return runtime.url;
  };
  const post: RuntimeClient['post'] = (query, variables, headers = {}) =>
    fetch(url(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': API_KEY, ...headers },
      body: JSON.stringify({ query, variables }),
    });
  return { url, post };
}

/** A GraphQL answer's body, errors in AppSync's shape. */
export async function graphqlBody(res: Response): Promise<GraphQLResponse> {
  return (await res.json()) as GraphQLResponse;
}
