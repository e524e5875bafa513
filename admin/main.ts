import { main } from './cli';

main().catch((err: unknown) => {
  console.error('The admin CLI failed:', err);
  process.exitCode = 1;
});
