import { startCognitoEmulator } from '../../../local/cognito/server';

/** Runs the emulator in its own process on the data folder given, and prints its URL when ready. */
const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: emulatorProcess.ts <dataDir>');
const emulator = await startCognitoEmulator({ port: 0, dataDir });
process.stdout.write(`${emulator.url}\n`);
