import { inject } from 'vitest';
import { type DbHandle, migrateDatabase, openDatabase, setDbHandle } from '@/db';

/** True when the run has a real PostgreSQL server (TEST_DATABASE_URL). */
export const onPostgres = (): boolean => Boolean(inject('databaseUrl'));

/** The run's database: PostgreSQL (created by the global setup) or a fresh in-memory PGlite. */
export async function openTestDb(opts: { max?: number } = {}): Promise<DbHandle> {
  const url = inject('databaseUrl');
  if (url) return openDatabase({ url, max: opts.max ?? 10 });
  const handle = await openDatabase({ dataDir: 'memory://' });
  await migrateDatabase(handle);
  return handle;
}

/** Opens the test database and installs it as the process handle that route handlers use. */
export async function useTestDbForRoutes(): Promise<DbHandle> {
  const handle = await openTestDb();
  setDbHandle(handle);
  return handle;
}
