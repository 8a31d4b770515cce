import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // A PostgreSQL server for the PostgreSQL tests (TEST_DATABASE_URL or a throwaway cluster).
    globalSetup: ['test/support/postgres-global-setup.ts'],
  },
});
