import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { runningOwner } from '../../local/lock';

/** Where the example sends its requests: the gateway's GraphQL endpoint and API key. */
export interface Gateway {
  graphqlUrl: string;
  apiKey: string;
}

/** No gateway to talk to: the message says which folder was looked at and what to do. */
export class NoGatewayError extends Error {
  override name = 'NoGatewayError';
}

/**
 * The gateway `npm run spa` talks to: VITE_GRAPHQL_URL and VITE_API_KEY when both are set (a
 * deployed API), otherwise the local stack running on `dataDir`, read from the stack.json that
 * `npm start` writes there and removes on Ctrl-C. A stack.json whose stack no longer runs (killed
 * without a clean stop) is refused, not followed to a dead address.
 */
export async function resolveGateway(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<Gateway> {
  const { VITE_GRAPHQL_URL: graphqlUrl, VITE_API_KEY: apiKey } = env;
  if (graphqlUrl && apiKey) return { graphqlUrl, apiKey };
  const dir = resolve(dataDir);
  const startHint = dataDir === '.local' ? 'npm start' : `npm start -- --data-dir ${dataDir}`;
  const stackFile = join(dir, 'stack.json');
  let stack: Partial<Gateway>;
  try {
    stack = JSON.parse(await readFile(stackFile, 'utf8')) as Partial<Gateway>;
  } catch {
    throw new NoGatewayError(
      `No local stack is running on ${dir} (no stack.json there): start one with \`${startHint}\`, pass the folder of a running stack with --data-dir, or set VITE_GRAPHQL_URL and VITE_API_KEY.`,
    );
  }
  if (!(await runningOwner(dir))) {
    throw new NoGatewayError(`The local stack on ${dir} is no longer running (its stack.json is left over): start it again with \`${startHint}\`.`);
  }
  if (!stack.graphqlUrl || !stack.apiKey) throw new NoGatewayError(`${stackFile} has no graphqlUrl or apiKey: restart the stack with \`${startHint}\`.`);
  return { graphqlUrl: stack.graphqlUrl, apiKey: stack.apiKey };
}
