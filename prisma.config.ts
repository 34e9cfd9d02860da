// Prisma CLI configuration. The bot itself never reads this: it applies migrations at start with the
// WebAssembly schema engine (src/db/migrate.ts), which works offline.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
