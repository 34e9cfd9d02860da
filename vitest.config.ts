import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Compiles dist/ when it is out of date: some tests start the compiled bot, as production runs it.
    globalSetup: ['test/support/build-once.ts'],
    // Integration tests start the real bot with its own embedded database: give start-up room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
