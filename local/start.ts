import { isAbsolute, relative } from 'node:path';
import { EnvironmentError } from '../infra/config';
import { parseStartCommand, USAGE, UsageError, type StartOptions } from './options';
import type { LocalStack, StackInfo } from './stack';

/** `npm start`: runs the offline stack until Ctrl-C. */

function parseOrExit(): StartOptions {
  try {
    const command = parseStartCommand(process.argv.slice(2), process.env);
    if (command.help) {
      console.log(USAGE);
      process.exit(0);
    }
    return command.options;
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`${err.message}\n\n${USAGE}`);
    process.exit(2);
  }
}

/** Relative to the working folder when inside it, as a developer typed it; absolute otherwise. */
function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

function banner(info: StackInfo, infoFile: string, env: string): string {
  return [
    '',
    `Auth gateway running offline (environment ${env}):`,
    `  GraphQL   ${info.graphqlUrl}`,
    `  API key   ${info.apiKey}   (send it as the x-api-key header)`,
    `  Mailbox   ${info.mailboxUrl}   (every e-mail the gateway sends; loopback only, its JSON store has no key)`,
    `  Cognito   ${info.cognitoEndpoint}   user pool ${info.userPoolId}, app client ${info.clientId}`,
    `  S3        ${info.s3Endpoint}`,
    `  Node.js   ${process.version}   (npm scripts run the Node.js that package.json pins, Lambda's major)`,
    `  Operator  ${info.operator.accessKeyId} / ${info.operator.secretAccessKey}   (SigV4 keys for the admin fields: npm run admin -- --local …)`,
    `${displayPath(infoFile)} written (removed on Ctrl-C); data folder readable by you only`,
    'Ctrl-C to stop',
  ].join('\n');
}

async function main(): Promise<void> {
  const options = parseOrExit();
  let stack: LocalStack | undefined;
  let stopping = false;

  const stop = async () => {
    console.log('\nStopping…');
    await stack?.close();
    process.exit(0);
  };
  const onSignal = () => {
    // A second Ctrl-C does not wait for a slow shutdown.
    if (stopping) process.exit(1);
    stopping = true;
    // Still starting: stop once the parts started so far can be closed.
    if (stack) void stop();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  console.log(
    `Starting the local stack (environment ${options.env}, data in ${options.dataDir}${options.fresh ? ', fresh' : ''})…`,
  );
  // Loaded here so that --help and usage errors answer without loading the SDKs and the runtime.
  const { startStack, StackError } = await import('./stack');
  try {
    stack = await startStack({ ...options, onProgress: (line) => console.log(`  ${line}`) });
  } catch (err) {
    if (err instanceof StackError || err instanceof EnvironmentError) {
      console.error(`Could not start the local stack: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  if (stopping) return stop();
  console.log(banner(stack.info, stack.infoFile, options.env));
}

main().catch((err: unknown) => {
  console.error('The local stack failed:', err);
  process.exit(1);
});
