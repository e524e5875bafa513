/**
 * The stack's ports: defaults, and how a developer changes each one. The CLI reads this table to
 * parse flags and environment variables; the stack reads it to say how to move off a taken port.
 */
export const PORT_SETTINGS = {
  graphql: { label: 'GraphQL gateway', defaultPort: 4000, flag: 'graphql-port', envVar: 'GRAPHQL_PORT' },
  cognito: { label: 'Cognito emulator', defaultPort: 9229, flag: 'cognito-port', envVar: 'COGNITO_PORT' },
  s3: { label: 'S3', defaultPort: 4569, flag: 's3-port', envVar: 'S3_PORT' },
  ses: { label: 'SES mailbox', defaultPort: 8005, flag: 'ses-port', envVar: 'SES_PORT' },
} as const;

export type PortName = keyof typeof PORT_SETTINGS;
export type StackPorts = Record<PortName, number>;

export const PORT_NAMES = Object.keys(PORT_SETTINGS) as PortName[];

export const DEFAULT_PORTS = Object.fromEntries(PORT_NAMES.map((name) => [name, PORT_SETTINGS[name].defaultPort])) as StackPorts;

/** How to pick another port for `name`, for error messages. */
export function portHint(name: PortName): string {
  const { flag, envVar } = PORT_SETTINGS[name];
  return `--${flag} <port> (or ${envVar}=<port>; 0 picks a free port)`;
}
