import { parseArgs } from 'node:util';
import { DEFAULT_PORTS, PORT_NAMES, PORT_SETTINGS, type PortName, type StackPorts } from './ports';

/** The `npm start` command line: flags, their environment-variable alternatives, and usage. */

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface StartOptions {
  env: string;
  dataDir: string;
  fresh: boolean;
  ports: StackPorts;
}

export type StartCommand = { help: true } | { help: false; options: StartOptions };

const portLines = PORT_NAMES.map((name) => {
  const { flag, label, defaultPort, envVar } = PORT_SETTINGS[name];
  return `  --${`${flag} <port>`.padEnd(22)}${label} port (default ${defaultPort}, or ${envVar})`;
});

export const USAGE = [
  'Usage: npm start -- [options]',
  '',
  'Runs the auth gateway offline on 127.0.0.1: the GraphQL gateway, a Cognito emulator, S3 and an',
  'SES mailbox, with the same resolver and function code as in AWS.',
  '',
  'Options:',
  `  --${'env <name>'.padEnd(22)}environment file infra/environments/<name>.json (default dev)`,
  `  --${'data-dir <dir>'.padEnd(22)}where users, QR codes and the API key are kept (default .local)`,
  `  --${'fresh'.padEnd(22)}start from nothing: wipe the data folder first`,
  ...portLines,
  `  ${'-h, --help'.padEnd(24)}show this help`,
  '',
  'A port of 0 picks a free one. A flag wins over its environment variable.',
].join('\n');

function parsePort(text: string, source: string): number {
  const port = /^\d{1,5}$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!(port >= 0 && port <= 65535)) throw new UsageError(`${source} must be a port number from 0 to 65535, got "${text}".`);
  return port;
}

function parseCommandLine(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        env: { type: 'string' },
        'data-dir': { type: 'string' },
        fresh: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        ...Object.fromEntries(PORT_NAMES.map((name) => [PORT_SETTINGS[name].flag, { type: 'string' as const }])),
      },
    }).values as Record<string, string | boolean | undefined>;
  } catch (err) {
    // Node's messages explain its own syntax at length; say what was wrong in a few words.
    const { code, message } = err as { code?: string; message: string };
    const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`Unknown option ${quoted}.`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      throw new UsageError(`Unexpected argument ${quoted}: every option starts with --.`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(message.split('\n')[0]!);
    throw err;
  }
}

/** Reads flags and environment variables; throws UsageError for anything it does not understand. */
export function parseStartCommand(
  argv: readonly string[],
  environment: Readonly<Record<string, string | undefined>>,
): StartCommand {
  const values = parseCommandLine(argv);
  if (values.help) return { help: true };
  const text = (name: string) => {
    const value = values[name];
    if (value === '') throw new UsageError(`--${name} needs a value.`);
    return typeof value === 'string' ? value : undefined;
  };
  const port = (name: PortName): number => {
    const { flag, envVar } = PORT_SETTINGS[name];
    const fromFlag = text(flag);
    if (fromFlag !== undefined) return parsePort(fromFlag, `--${flag}`);
    const fromEnv = environment[envVar];
    return fromEnv ? parsePort(fromEnv, envVar) : DEFAULT_PORTS[name];
  };
  const ports = Object.fromEntries(PORT_NAMES.map((name) => [name, port(name)])) as StackPorts;
  return {
    help: false,
    options: { env: text('env') ?? 'dev', dataDir: text('data-dir') ?? '.local', fresh: values.fresh === true, ports },
  };
}
