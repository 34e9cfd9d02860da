import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Integration tests start the real bot with its own embedded database: give start-up room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
