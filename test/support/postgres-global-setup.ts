/**
 * vitest globalSetup: a PostgreSQL server for the PostgreSQL tests.
 * TEST_DATABASE_URL when set, else a throwaway cluster started here and stopped
 * at the end. When neither works, the PostgreSQL tests fail with the reason
 * (see postgres-test-db.ts): they never skip.
 */
import type { TestProject } from 'vitest/node';
import { startPostgresCluster, type PostgresCluster } from './postgres-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgError: string;
  }
}

/** vitest options whose value is the next argument (`--exclude 'test/browser/**'` names no file to run). */
const OPTIONS_WITH_VALUE = new Set(['--exclude', '--project', '-t', '--testNamePattern', '--reporter', '--config', '-c', '--dir', '--root', '-r', '--outputFile']);

/** A run that names only files unrelated to PostgreSQL does not need a server. */
function needsPostgres(argv: string[]): boolean {
  const i = argv.findIndex((a) => a === 'run' || a === 'watch' || a === 'related');
  const args = i >= 0 ? argv.slice(i + 1) : [];
  const filters = args.filter((a, k) => !a.startsWith('-') && !OPTIONS_WITH_VALUE.has(args[k - 1] ?? ''));
  return filters.length === 0 || filters.some((f) => /store|postgres|instance|bench/i.test(f));
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let cluster: PostgresCluster | undefined;
  project.provide('pgAdminUrl', '');
  project.provide('pgError', '');
  if (process.env.TEST_DATABASE_URL) {
    project.provide('pgAdminUrl', process.env.TEST_DATABASE_URL);
  } else if (!needsPostgres(process.argv)) {
    project.provide('pgError', 'no PostgreSQL was started because the selected test files did not look like they need one');
  } else {
    try {
      cluster = await startPostgresCluster();
      project.provide('pgAdminUrl', cluster.url);
    } catch (err) {
      project.provide('pgError', (err as Error).message);
    }
  }
  return async () => {
    await cluster?.stop();
  };
}
