// Runs embedded-postgres-thread.ts from the TypeScript sources (under tsx and vitest): a worker thread
// does not inherit its parent's `--import tsx` hooks, so it registers them itself first. The compiled
// bot starts dist/db/embedded-postgres-thread.js directly and never loads this file.
import { register } from 'tsx/esm/api';

register();
await import('./embedded-postgres-thread.ts');
