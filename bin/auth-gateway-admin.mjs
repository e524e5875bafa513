#!/usr/bin/env node
// The admin CLI's command: runs admin/main.ts through tsx, as `npm run admin` does.
import { register } from 'tsx/esm/api';

register();
await import('../admin/main.ts');
