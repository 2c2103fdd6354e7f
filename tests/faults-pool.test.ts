// The server's answer to the postgres.js pool bug (db/index.ts): a transaction whose connection dies leaves
// that pool slot dead (the canary in faults-idempotency shows it); the server replaces the pool when the
// driver's uncaught TypeError appears, so the next request gets a working connection. PostgreSQL only.
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, test } from 'vitest';
import { type DbHandle, getDbHandle, installPoolRecovery, openDatabase, rowsOf, setDbHandle } from '@/db';
import { idempotencyKeys } from '@/db/schema';
import { onPostgres } from './helpers/db';
import { driverBug, type FaultDb, faultSuite, installBlocker, reasonOf, waitFor, within } from './helpers/faults';

if (!onPostgres()) console.log('pool recovery test skipped: it terminates PostgreSQL backends; set TEST_DATABASE_URL');

describe.skipIf(!onPostgres())('pool recovery after the driver loses a connection mid-transaction', () => {
  let f: FaultDb;
  let uninstall: () => void;
  faultSuite((s) => ({ f } = s));
  afterAll(() => {
    uninstall?.();
  });

  test('the broken one-connection pool is replaced: the next query works at once', async () => {
    const appName = `pool-${Date.now()}`;
    const first = await openDatabase({ url: f.url, max: 1, appName });
    setDbHandle(first);
    uninstall = installPoolRecovery();
    const hits = driverBug.hits;
    const blocker = await installBlocker(f, { table: 'idempotency_keys', event: 'insert', when: `new.key = 'pool-recovery'` });
    try {
      const tx = first.db.transaction(async (t) => {
        await t.insert(idempotencyKeys).values({ userId: 0, key: 'pool-recovery', requestHash: 'x' });
      });
      const settled = Promise.allSettled([tx]).then(([x]) => x);
      await blocker.kill(await blocker.victimBlocked(appName), 'terminate');
      expect(reasonOf(await within(settled, 15_000, 'transaction'))).toMatch(/CONNECTION_CLOSED|57P01/);
    } finally {
      await blocker.remove();
    }
    await waitFor(async () => (driverBug.hits > hits ? true : undefined), "the driver's uncaught TypeError", 5_000);
    // The process's handle is a new pool, with the same options, that answers at once.
    const now: DbHandle = await within(
      waitFor(
        async () => {
          const h = await getDbHandle();
          return h !== first ? h : undefined;
        },
        'the pool replacement',
        5_000,
      ),
      6_000,
      'replacement',
    );
    const rows = rowsOf<{ app: string }>(
      await within(now.db.execute(sql`select current_setting('application_name') as app`), 5_000, 'a query on the new pool'),
    );
    expect(rows[0].app).toBe(appName);
    // Nothing of the killed transaction was kept.
    expect(
      rowsOf<{ n: number }>(await now.db.execute(sql`select count(*)::int as n from idempotency_keys where key = 'pool-recovery'`))[0].n,
    ).toBe(0);
    await now.close();
  });
});
