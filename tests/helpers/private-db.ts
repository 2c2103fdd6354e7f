// A database of the file's own, for tests that change platform-wide state (settings, the package catalog,
// the set of admins) or count everything (stats): on the run's shared PostgreSQL database they would
// disturb the files running beside them. On PostgreSQL it is a new database on the same server, dropped
// on close; without TEST_DATABASE_URL a fresh in-memory PGlite, like every other file's.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';
import { type DbHandle, migrateDatabase, openDatabase } from '@/db';

/** `url`: the private PostgreSQL database's address (absent on PGlite). */
export async function openPrivateDb(opts: { max?: number } = {}): Promise<DbHandle & { url?: string }> {
  const shared = inject('databaseUrl');
  if (!shared) {
    const handle = await openDatabase({ dataDir: 'memory://' });
    await migrateDatabase(handle);
    return handle;
  }
  const url = new URL(shared);
  const name = `${url.pathname.slice(1)}_p${randomBytes(4).toString('hex')}`;
  const server = () => postgres(shared, { max: 1, onnotice: () => {} });
  const creator = server();
  await creator.unsafe(`create database ${name}`);
  await creator.end();
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), max: opts.max ?? 10 });
  await migrateDatabase(handle);
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close();
      const dropper = server();
      await dropper.unsafe(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
