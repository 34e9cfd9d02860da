// `npm run build`: type-checks and compiles src/ to dist/ from scratch. Production runs `node dist/main.js`.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from './compile.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// From scratch, so that the output of a deleted source file does not linger.
rmSync(join(root, 'dist'), { recursive: true, force: true });
process.exitCode = compile(root, { check: true });
