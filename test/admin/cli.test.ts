import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { EXIT, runCli, USAGE, type CliIo } from '../../admin/cli';
import { COMMANDS } from '../../admin/commands';
import { adminOperations } from '../../operations';

const root = new URL('../..', import.meta.url).pathname;
const BIN_TIMEOUT_MS = 60_000;

/** Runs bin/auth-gateway-admin.mjs with no input on stdin: its exit code and output. */
function runBin(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [`${root}bin/auth-gateway-admin.mjs`, ...args], { encoding: 'utf8', timeout: BIN_TIMEOUT_MS }, (error, stdout, stderr) =>
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
    child.stdin?.end();
  });
}

function io(answer = false) {
  const out: string[] = [];
  const err: string[] = [];
  const asked: string[] = [];
  const handle: CliIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    ask: async (question) => {
      asked.push(question);
      return answer;
    },
    target: async () => {
      throw new Error('no request should be made');
    },
  };
  return { handle, out, err, asked };
}

describe('the admin CLI', () => {
  it('has a command for every admin field', () => {
    expect(new Set(COMMANDS.map((c) => c.field))).toEqual(new Set(adminOperations.map((op) => op.field)));
  });

  it('prints the help, with every command and the exit codes', async () => {
    const { handle, out } = io();
    expect(await runCli(['--help'], handle)).toBe(EXIT.ok);
    expect(out.join('')).toBe(USAGE);
    for (const command of COMMANDS) expect(USAGE).toContain(command.usage);
    expect(USAGE).toContain('Exit codes:');
  });

  it.each([
    [['users', 'frobnicate', '--local'], 'Unknown command: users frobnicate.'],
    [['users', 'show', '--local'], 'Usage: users show <email>'],
    [['users', 'show', 'a@example.com'], 'Say which gateway'],
    [['users', 'show', 'a@example.com', '--local', '--env', 'dev'], 'Choose one target'],
    [['users', 'list', '--local', '--limit', 'ten'], '--limit takes a number'],
    [['users', 'list', '--local', '--colour'], "Unknown option '--colour'"],
  ])('refuses %j with exit 2 before any request', async (argv, message) => {
    const { handle, err } = io();
    expect(await runCli(argv, handle)).toBe(EXIT.usage);
    expect(err.join('')).toContain(message);
  });

  it('asks before a destructive command and stops at no', async () => {
    const { handle, err, asked } = io(false);
    expect(await runCli(['users', 'delete', 'ada@example.com', '--local'], handle)).toBe(EXIT.notConfirmed);
    expect(asked).toEqual(['Delete ada@example.com for good? [y/N] ']);
    expect(err.join('')).toBe('Not confirmed: nothing was changed.');
  });

  it('asks before exactly the commands that take something away', () => {
    const asking = COMMANDS.filter((c) => c.confirm).map((c) => c.name);
    expect(asking.sort()).toEqual(
      ['users disable', 'users sign-out', 'users reset-mfa', 'users reset-password', 'users delete', 'groups remove'].sort(),
    );
  });

  it('runs as a command: the bin entry answers --help, and no answer on stdin means no', async () => {
    // Two cold starts of Node with tsx: run side by side, with a limit of their own rather than the
    // default test timeout, which a busy machine can overrun without anything being wrong.
    const [help, declined] = await Promise.all([
      runBin(['--help']),
      runBin(['users', 'disable', 'a@example.com', '--local']),
    ]);
    expect(help.status).toBe(EXIT.ok);
    expect(help.stdout).toContain('users reset-mfa <email>');
    expect(declined.status).toBe(EXIT.notConfirmed);
    expect(declined.stderr).toContain('Disable a@example.com and sign them out everywhere? [y/N]');
  }, BIN_TIMEOUT_MS);
});
