import { App } from 'aws-cdk-lib';
import { EnvironmentError, loadEnvironment } from './config';
import { buildGateway } from './gateway';

/** `npx cdk synth -c env=<name>` (default dev): the stack for infra/environments/<name>.json. */
const app = new App();
try {
  const name = String(app.node.tryGetContext('env') ?? 'dev');
  buildGateway(app, loadEnvironment(name));
  app.synth();
} catch (err) {
  if (!(err instanceof EnvironmentError)) throw err;
  // A settings problem is the user's to fix: say what it is, without a stack trace.
  process.stderr.write(`\n${err.message}\n\n`);
  process.exitCode = 1;
}
