import { describe, expect, it } from 'vitest';
import { parseStartCommand, USAGE, UsageError } from '../../local/options';

const parse = (argv: string[], env: Record<string, string> = {}) => parseStartCommand(argv, env);
const optionsOf = (argv: string[], env: Record<string, string> = {}) => {
  const command = parse(argv, env);
  if (command.help) throw new Error('expected options, got help');
  return command.options;
};
const usageError = (argv: string[], env: Record<string, string> = {}) => {
  try {
    parse(argv, env);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error('expected a usage error');
};

describe('npm start options', () => {
  it('defaults to the dev environment, .local and the documented ports', () => {
    expect(optionsOf([])).toEqual({
      env: 'dev',
      dataDir: '.local',
      fresh: false,
      ports: { graphql: 4000, cognito: 9229, s3: 4569, ses: 8005 },
    });
  });

  it('reads every flag', () => {
    const argv = [
      '--env',
      'prod',
      '--fresh',
      '--data-dir',
      '/tmp/x',
      '--graphql-port',
      '5000',
      '--cognito-port=5001',
      '--s3-port',
      '0',
      '--ses-port',
      '5003',
    ];
    expect(optionsOf(argv)).toEqual({
      env: 'prod',
      dataDir: '/tmp/x',
      fresh: true,
      ports: { graphql: 5000, cognito: 5001, s3: 0, ses: 5003 },
    });
  });

  it('takes ports from environment variables, and a flag wins over its variable', () => {
    const env = { GRAPHQL_PORT: '6000', COGNITO_PORT: '6001', S3_PORT: '6002', SES_PORT: '6003' };
    expect(optionsOf([], env).ports).toEqual({ graphql: 6000, cognito: 6001, s3: 6002, ses: 6003 });
    expect(optionsOf(['--s3-port', '7000'], env).ports).toEqual({ graphql: 6000, cognito: 6001, s3: 7000, ses: 6003 });
  });

  it('answers --help and -h with help', () => {
    expect(parse(['--help'])).toEqual({ help: true });
    expect(parse(['-h', '--fresh'])).toEqual({ help: true });
    for (const flag of [
      '--env',
      '--data-dir',
      '--fresh',
      '--graphql-port',
      '--cognito-port',
      '--s3-port',
      '--ses-port',
      '--help',
    ]) {
      expect(USAGE).toContain(flag);
    }
  });

  it('refuses unknown flags and stray arguments by name', () => {
    expect(usageError(['--port', '4000'])).toBe('Unknown option --port.');
    expect(usageError(['dev'])).toBe('Unexpected argument dev: every option starts with --.');
  });

  it('refuses a flag without its value', () => {
    expect(usageError(['--env'])).toContain('--env');
    expect(usageError(['--data-dir='])).toBe('--data-dir needs a value.');
  });

  it.each([
    [['--s3-port', 'abc'], {}, '--s3-port must be a port number from 0 to 65535, got "abc".'],
    [['--graphql-port', '65536'], {}, '--graphql-port must be a port number from 0 to 65535, got "65536".'],
    [['--ses-port', '-1'], {}, '--ses-port'],
    [[], { COGNITO_PORT: '12.5' }, 'COGNITO_PORT must be a port number from 0 to 65535, got "12.5".'],
  ])('refuses the bad port in %j %j', (argv, env, message) => {
    expect(usageError(argv, env)).toContain(message);
  });
});
