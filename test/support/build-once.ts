// Vitest global setup: some tests start the compiled bot (dist/main.js) as production does, so dist/ is
// compiled once before any test runs, and only when it is missing or older than the sources (the same
// check as `npm start`; the type check is `npm run typecheck`'s job).
import { join } from 'node:path';
import { compile, staleReason } from '../../scripts/compile.js';

export default function buildOnce(): void {
  const root = join(import.meta.dirname, '..', '..');
  const reason = staleReason(root);
  if (reason === undefined) return;
  console.error(`Compiling src/ to dist/ for the tests that start the compiled bot (${reason})`);
  if (compile(root, { check: false }) !== 0) throw new Error('src/ did not compile: see the output above');
}
