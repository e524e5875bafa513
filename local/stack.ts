import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CustomMessageTriggerEvent, PostConfirmationTriggerEvent } from 'aws-lambda';
import type { RecoveryCodeCost } from '../functions/lib/recoveryCodes';
import { loadEnvironment, type EnvironmentOverrides } from '../infra/config';
import { apiEnvironment } from '../infra/functionSettings';
import type { IamAction } from '../operations';
import { asyncInvocationsSettled } from './appsync/lambda';
import { startAppSyncRuntime } from './appsync/server';
import type { ScryptCost } from './cognito/passwords';
import { startCognitoEmulator } from './cognito/server';
import { LOCAL_CREDENTIALS, LOCAL_OPERATOR } from './credentials';
import { cognitoMailer } from './delivery';
import { localFunctions, type LocalFunction } from './functions';
import { FULL_ACCESS, IamDirectory, LOCAL_ACCOUNT_ID, type Denial, type Principal } from './iam/directory';
import { WorkerFunctionRuntime } from './lambda/workers';
import { DataDirLockedError, LOCK_FILE, lockDataDir, type DataDirLock } from './lock';
import { assertPortFree, isPortInUse, LOOPBACK } from './net';
import { DEFAULT_PORTS, PORT_NAMES, PORT_SETTINGS, portHint, type PortName, type StackPorts } from './ports';
import { provision } from './provision';
import { startS3 } from './s3/server';
import { startSes } from './ses';

/**
 * The offline stack: the local SES mailbox, S3, the Cognito emulator and the GraphQL gateway,
 * all on loopback, wired together as CDK wires the real services, with state in one folder.
 */

export interface StackOptions {
  /** Environment file under infra/environments/; defaults to 'dev'. */
  env?: string;
  /** Settings laid over the environment file and validated with it (tests: a setting the file does not have). */
  envOverrides?: EnvironmentOverrides;
  /** Where state lives between runs; defaults to '.local'. */
  dataDir?: string;
  /** Start from nothing: wipe dataDir first. */
  fresh?: boolean;
  /** 0 picks a free port. */
  ports?: Partial<StackPorts>;
  /** Defaults to the key generated for this dataDir on its first run. */
  apiKey?: string;
  /** One clock for the Cognito emulator and S3 expiry, so tests can move time; defaults to the system clock. */
  clock?: { now(): Date };
  /** Called with one line per step while starting. */
  onProgress?: (line: string) => void;
  /** What the Cognito emulator spends hashing one password; defaults to PASSWORD_COST. Only tests lower it. */
  passwordCost?: ScryptCost;
  /** What the functions spend hashing a set of recovery codes; defaults to RECOVERY_CODE_COST, as deployed. Only tests lower it. */
  recoveryCodeCost?: RecoveryCodeCost;
  /**
   * Replaces the IAM actions of the named functions (operations.ts rows or triggers): what a
   * function does when its row misses an action, offline, before AWS says so.
   */
  functionActions?: Readonly<Record<string, readonly IamAction[]>>;
  /** Variables set for every function on top of what CDK sets (e.g. an endpoint that is down). */
  functionEnvironment?: Readonly<Record<string, string>>;
}

export interface StackInfo {
  graphqlUrl: string;
  apiKey: string;
  mailboxUrl: string;
  cognitoEndpoint: string;
  userPoolId: string;
  clientId: string;
  s3Endpoint: string;
  region: string;
  /** Null when the environment turns the QR archive off. */
  mfaBucket: string | null;
  /** Keys whose SigV4-signed requests may call the admin fields. */
  operator: { accessKeyId: string; secretAccessKey: string; userArn: string };
}

/** The principal the deployer (provisioning) and tests calling the services directly use: allowed everything. */
export const DEPLOYER_ARN = `arn:aws:iam::${LOCAL_ACCOUNT_ID}:user/local-deployer`;

export interface LocalStack {
  info: StackInfo;
  /** Each function's identity and environment, and a way to change the environment as a configuration update would. */
  functions: {
    environmentOf(name: string): Record<string, string>;
    principalOf(name: string): Principal;
    /**
     * Sets variables of every function (undefined: back to the stack's own value), as a configuration
     * update does on Lambda: running environments end, the next events start new ones.
     */
    updateEnvironment(vars: Readonly<Record<string, string | undefined>>): void;
  };
  /** What the local services refused, as CloudTrail would record it. */
  iam: { readonly denials: readonly Denial[] };
  /** Path of the stack.json written at start. */
  infoFile: string;
  close(): Promise<void>;
}

export class StackError extends Error {
  override name = 'StackError';
}

/** Sender of Cognito's e-mails when the environment names no SES identity. */
export const DEFAULT_FROM_ADDRESS = 'no-reply@auth-gateway.local';

/** Marks a folder as this stack's, so --fresh never wipes a folder it did not create. */
const MARKER = '.auth-gateway-local';

const listDir = (dir: string) =>
  readdir(dir).catch((err: NodeJS.ErrnoException): string[] => {
    if (err.code === 'ENOENT') return [];
    throw err;
  });

/**
 * Makes the data folder this stack's: owner-only (it holds password hashes, TOTP secrets in QR
 * codes and the API key), and locked, so a second stack on it stops with a message naming the first.
 */
async function claimDataDir(dataDir: string): Promise<DataDirLock> {
  const entries = await listDir(dataDir);
  if (entries.length > 0 && !entries.includes(MARKER)) {
    throw new StackError(`${dataDir} is not empty and was not created by the local stack: choose another --data-dir.`);
  }
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  // A folder made by an older version, or by hand, may be readable by others.
  await chmod(dataDir, 0o700);
  try {
    return await lockDataDir(dataDir);
  } catch (err) {
    throw err instanceof DataDirLockedError ? new StackError(err.message) : err;
  }
}

/** --fresh: everything but the lock goes. */
async function prepareDataDir(dataDir: string, fresh: boolean): Promise<void> {
  if (fresh) {
    for (const entry of await listDir(dataDir)) {
      if (entry !== LOCK_FILE) await rm(join(dataDir, entry), { recursive: true, force: true });
    }
  }
  await writeFile(join(dataDir, MARKER), 'State of the auth gateway local stack. Safe to delete.\n');
}

/** AppSync-style key, generated once per data folder so front-end settings survive restarts. */
async function stableApiKey(dataDir: string): Promise<string> {
  const file = join(dataDir, 'api-key');
  const stored = await readFile(file, 'utf8').catch(() => '');
  if (stored.trim()) return stored.trim();
  const key = `da2-${randomBytes(13).toString('hex')}`;
  await writeFile(file, `${key}\n`, { mode: 0o600 });
  return key;
}

async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  await rename(temp, file);
}

function portTaken(name: PortName, port: number): StackError {
  return new StackError(
    `Port ${port} (${
      PORT_SETTINGS[name].label
    }) is already in use on ${LOOPBACK}: stop what uses it, or choose another port with ${portHint(name)}.`,
  );
}

/** Checks every port before anything starts, so a taken one fails fast and names itself. */
async function checkPorts(ports: StackPorts): Promise<void> {
  for (const name of PORT_NAMES) {
    const clash = PORT_NAMES.find((other) => other !== name && ports[other] === ports[name] && ports[name] !== 0);
    if (clash) {
      const labels = `The ${PORT_SETTINGS[name].label} and the ${PORT_SETTINGS[clash].label}`;
      throw new StackError(`${labels} cannot share port ${ports[name]}: change one with ${portHint(clash)}.`);
    }
    await assertPortFree(ports[name], LOOPBACK).catch((err: unknown) => {
      throw isPortInUse(err) ? portTaken(name, ports[name]) : err;
    });
  }
}

export async function startStack(options: StackOptions = {}): Promise<LocalStack> {
  const envName = options.env ?? 'dev';
  const env = loadEnvironment(envName, options.envOverrides);
  const dataDir = resolve(options.dataDir ?? '.local');
  const ports: StackPorts = { ...DEFAULT_PORTS, ...options.ports };
  const progress = options.onProgress ?? (() => undefined);
  const from = env.email?.fromAddress ?? DEFAULT_FROM_ADDRESS;
  const clock = options.clock;

  // Before the ports: a stack already running on this folder holds them, and the lock names it.
  const lock = await claimDataDir(dataDir);
  const infoFile = join(dataDir, 'stack.json');
  const stops: Array<() => Promise<void> | void> = [() => lock.release(), () => rm(infoFile, { force: true })];
  /** Stops everything started, newest first; one part failing to stop does not keep the others running. */
  const stopAll = async () => {
    const failures: unknown[] = [];
    for (const stop of stops.splice(0).reverse())
      await Promise.resolve()
        .then(stop)
        .catch((err: unknown) => failures.push(err));
    if (failures.length > 0) throw failures[0];
  };

  let apiKey: string;
  try {
    await checkPorts(ports);
    await prepareDataDir(dataDir, options.fresh ?? false);
    apiKey = options.apiKey ?? (await stableApiKey(dataDir));
  } catch (err) {
    await stopAll();
    throw err;
  }

  /** Starts one part; a port taken in the meantime is reported like one taken before. */
  const part = async <T extends { url: string; close(): Promise<void> }>(name: PortName, start: () => Promise<T>): Promise<T> => {
    const started = await start().catch((err: unknown) => {
      throw isPortInUse(err) ? portTaken(name, ports[name]) : err;
    });
    stops.push(() => started.close());
    return started;
  };

  try {
    const iam = new IamDirectory([{ ...LOCAL_CREDENTIALS, arn: DEPLOYER_ARN, grants: FULL_ACCESS }]);
    // The functions' settings are known once the pool exists; the triggers run only after that.
    const functionsByName = new Map<string, LocalFunction>();
    const overrides: Record<string, string> = { ...options.functionEnvironment };
    // Unset unless asked for, as CDK leaves it (functions/lib/config.ts).
    const { recoveryCodeCost: cost } = options;
    const costSetting: Record<string, string> = cost ? { RECOVERY_CODE_COST: `${cost.N},${cost.r},${cost.p}` } : {};
    const environmentOf = (name: string): Record<string, string> => {
      const fn = functionsByName.get(name);
      if (!fn) throw new StackError(`No function named ${name}.`);
      return { ...fn.environment, ...costSetting, ...overrides };
    };
    const runtime = new WorkerFunctionRuntime({ environmentOf, clock, region: env.region, accountId: LOCAL_ACCOUNT_ID });
    stops.push(() => runtime.close());
    /** A Cognito trigger invoked as Cognito invokes it: its answer, or its failure as an error. */
    const trigger = async <E>(name: string, event: E): Promise<E> => {
      const invocation = await runtime.invoke(name, event);
      if (invocation.error) throw new Error(invocation.error.message);
      return invocation.result as E;
    };

    const ses = await part('ses', () => startSes({ port: ports.ses, iam: { directory: iam } }));
    progress(`SES mailbox    ${ses.url}`);
    const s3 = await part('s3', () =>
      startS3({
        port: ports.s3,
        host: LOOPBACK,
        dataDir: join(dataDir, 's3'),
        iam,
        clock: clock && (() => clock.now().getTime()),
      }),
    );
    progress(`S3             ${s3.url}`);
    const deliver = cognitoMailer({
      customMessage: (event: CustomMessageTriggerEvent) => trigger('customMessage', event),
      sesEndpoint: ses.url,
      region: env.region,
      credentials: LOCAL_CREDENTIALS,
      from,
    });
    const cognito = await part('cognito', () =>
      startCognitoEmulator({
        port: ports.cognito,
        host: LOOPBACK,
        dataDir: join(dataDir, 'cognito'),
        clock,
        deliver,
        triggers: { postConfirmation: (event: PostConfirmationTriggerEvent) => trigger('postConfirmation', event) },
        iam: { directory: iam },
        passwordCost: options.passwordCost,
      }),
    );
    progress(`Cognito        ${cognito.url}`);

    const provisioned = await provision(env, {
      cognitoEndpoint: cognito.url,
      s3Endpoint: s3.url,
      region: env.region,
      credentials: LOCAL_CREDENTIALS,
    });
    progress(`User pool      ${provisioned.userPoolId}, app client ${provisioned.clientId}`);

    // What CDK sets on each function and the policy it deploys, pointed at the local services.
    const functions = localFunctions(
      env,
      {
        region: env.region,
        userPoolId: provisioned.userPoolId,
        clientId: provisioned.clientId,
        bucket: provisioned.bucket,
        // Every e-mail stays in the local mailbox, so sending is on even where the environment names no identity.
        from,
        endpoints: { cognito: cognito.url, s3: s3.url, ses: ses.url },
      },
      options.functionActions,
    );
    for (const fn of functions) {
      functionsByName.set(fn.name, fn);
      iam.add(fn.principal);
    }
    await runtime.prepare(
      functions.map((fn) => fn.name),
      (count) => progress(`Functions      building ${count} bundles with CDK's esbuild settings (after a change only)…`),
    );
    progress(`Functions      ${functions.length}, each with its own key and policy`);

    // After the gateway stops taking requests, a clean stop lets queued functions finish.
    stops.push(() => asyncInvocationsSettled());
    const { resolverCountLimit, queryDepthLimit, introspection } = env.api;
    const limits = { resolverCountLimit, queryDepthLimit, introspection };
    const graphql = await part('graphql', () =>
      startAppSyncRuntime({
        port: ports.graphql,
        host: LOOPBACK,
        apiKey,
        limits,
        iamCredentials: [LOCAL_OPERATOR],
        functions: runtime,
        // What CDK sets on the API and its HTTP data source, pointed at the emulator.
        environmentVariables: apiEnvironment(env, provisioned.clientId),
        httpEndpoints: { cognito: cognito.url },
      }),
    );
    progress(`GraphQL        ${graphql.url}`);

    const info: StackInfo = {
      graphqlUrl: graphql.url,
      apiKey,
      mailboxUrl: ses.url,
      cognitoEndpoint: cognito.url,
      userPoolId: provisioned.userPoolId,
      clientId: provisioned.clientId,
      s3Endpoint: s3.url,
      region: env.region,
      mfaBucket: provisioned.bucket,
      operator: { ...LOCAL_OPERATOR },
    };
    await writeJsonAtomic(infoFile, info);
    await lock.describe({ GraphQL: info.graphqlUrl, mailbox: info.mailboxUrl, Cognito: info.cognitoEndpoint, S3: info.s3Endpoint });

    let closing: Promise<void> | undefined;
    return {
      info,
      infoFile,
      functions: {
        environmentOf,
        principalOf: (name) => {
          const fn = functionsByName.get(name);
          if (!fn) throw new StackError(`No function named ${name}.`);
          return fn.principal;
        },
        updateEnvironment: (vars) => {
          for (const [name, value] of Object.entries(vars)) {
            if (value === undefined) delete overrides[name];
            else overrides[name] = value;
          }
          runtime.recycle();
        },
      },
      iam: {
        get denials() {
          return iam.denials;
        },
      },
      close: () => (closing ??= stopAll()),
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
