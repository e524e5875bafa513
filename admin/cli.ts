import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { AdminApiError, callAdmin, type AdminTarget } from './api';
import { COMMANDS, type Command, type ParsedOptions } from './commands';
import { deployedTarget, localTarget, TargetError } from './target';

/**
 * `npm run admin -- <command>`: the support engineer's CLI over the admin API. Every request is
 * signed with SigV4 (the SDK's signer) using credentials from the standard AWS chain, or the
 * offline stack's operator keys with --local.
 */

export const EXIT = {
  ok: 0,
  /** The API answered with an error (UserNotFound, ValidationError, …). */
  failed: 1,
  usage: 2,
  /** The credentials were refused: unsigned, wrong keys, or no admin policy. */
  unauthorized: 3,
  /** The API could not be found or reached (stack output, stack.json, network, credentials). */
  unreachable: 4,
  /** A destructive command was not confirmed. */
  notConfirmed: 5,
} as const;

export const USAGE = `Usage: npm run admin -- <command> [options]     (or: auth-gateway-admin <command> [options])

Commands:
${COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`).join('\n')}

Target (one of):
  --env <name>        the deployed stack of infra/environments/<name>.json (its GraphqlUrl output);
                      credentials from the standard AWS chain (AWS_PROFILE, SSO, environment, role)
  --profile <name>    with --env: the AWS profile to use
  --local             the offline stack started with npm start (reads .local/stack.json)
  --data-dir <dir>    with --local: the offline stack's data folder (default .local)

Options:
  --json              print the API's answer as JSON, for scripts
  --yes, -y           do not ask before destructive commands
  --help, -h          this help

Exit codes: 0 done, 1 the API answered an error, 2 usage error, 3 credentials refused,
4 API not found or not reachable, 5 not confirmed.`;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Asks a yes/no question; resolves true for "y" or "yes". */
  ask(question: string): Promise<boolean>;
  /** Overrides how the target is found (tests). */
  target?: (options: ParsedOptions) => Promise<AdminTarget>;
}

const OPTIONS = {
  env: { type: 'string' },
  profile: { type: 'string' },
  local: { type: 'boolean' },
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  help: { type: 'boolean', short: 'h' },
  status: { type: 'string' },
  'email-prefix': { type: 'string' },
  enabled: { type: 'boolean' },
  disabled: { type: 'boolean' },
  limit: { type: 'string' },
  'next-token': { type: 'string' },
  description: { type: 'string' },
} as const;

class UsageError extends Error {}

function parse(argv: readonly string[]): { command: Command; options: ParsedOptions } | 'help' {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) return 'help';
  const name = positionals.slice(0, 2).join(' ');
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new UsageError(`Unknown command: ${name}.`);
  const rest = positionals.slice(2);
  if (rest.length !== command.arity) throw new UsageError(`Usage: ${command.usage}`);
  if (values.local && values.env) throw new UsageError('Choose one target: --env <name> or --local.');
  if (!values.local && !values.env) throw new UsageError('Say which gateway: --env <name> for a deployed stack, or --local.');
  if (values.enabled && values.disabled) throw new UsageError('Choose --enabled or --disabled, not both.');
  if (values.limit !== undefined && !/^\d+$/.test(values.limit)) throw new UsageError('--limit takes a number from 1 to 60.');
  return { command, options: { positionals: rest, values } };
}

function findTarget(options: ParsedOptions): Promise<AdminTarget> {
  const { values } = options;
  if (values.local) return localTarget(values['data-dir'] as string | undefined);
  return deployedTarget(values.env as string, values.profile as string | undefined);
}

/** Runs one command and answers its exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let request;
  try {
    request = parse(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(`${err.message}\n\nRun with --help for the commands.`);
    return EXIT.usage;
  }
  if (request === 'help') {
    io.out(USAGE);
    return EXIT.ok;
  }
  const { command, options } = request;
  if (command.confirm && !options.values.yes && !(await io.ask(`${command.confirm(options)} [y/N] `))) {
    io.err('Not confirmed: nothing was changed.');
    return EXIT.notConfirmed;
  }
  try {
    const target = await (io.target ?? findTarget)(options);
    const data = await callAdmin(target, command.field, command.document, command.variables(options));
    io.out(options.values.json ? JSON.stringify(data, null, 2) : command.render(data as never));
    return EXIT.ok;
  } catch (err) {
    if (err instanceof AdminApiError) {
      io.err(options.values.json ? JSON.stringify({ errorType: err.errorType, message: err.message }) : `${err.errorType}: ${err.message}`);
      return err.unauthorized ? EXIT.unauthorized : EXIT.failed;
    }
    if (err instanceof TargetError) {
      io.err(err.message);
      return EXIT.unreachable;
    }
    if (err instanceof TypeError || (err as { name?: string })?.name === 'CredentialsProviderError') {
      io.err(`Could not reach the admin API: ${(err as Error).message}`);
      return EXIT.unreachable;
    }
    throw err;
  }
}

/** Questions on stderr, answers from stdin (a piped "y" works too); no answer means no. */
export async function askOnTerminal(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await Promise.race([rl.question(question), new Promise<string>((done) => rl.once('close', () => done('')))]);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

export async function main(): Promise<void> {
  const code = await runCli(process.argv.slice(2), {
    out: (text) => console.log(text),
    err: (text) => console.error(text),
    ask: askOnTerminal,
  });
  process.exitCode = code;
}
