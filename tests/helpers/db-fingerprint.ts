// A fingerprint of the whole database (row count and a hash of every row of every table), for suites that
// must show a batch of requests changed nothing.
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '@/db';
import { queryRows } from './invariants';

/** Tables that legitimately change on refused requests: counters and replay records. */
const VOLATILE_TABLES = new Set(['rate_limits', 'idempotency_keys']);
/** Columns that legitimately change on any authenticated request. */
const VOLATILE_COLUMNS = ['last_used_at', 'last_seen_at', 'last_login_at'];

/** Row count and a hash of every row (volatile columns aside) of every table in the public schema. */
export async function fingerprint(db: Db): Promise<Record<string, string>> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const drop = VOLATILE_COLUMNS.map((c) => ` - '${c}'`).join('');
  const parts = tables
    .map((t) => t.name)
    .filter((n) => !VOLATILE_TABLES.has(n) && /^[a-z_]+$/.test(n))
    .map(
      (n) =>
        `select '${n}' as name, count(*)::text || ':' || md5(coalesce(string_agg(x, '|' order by x), '')) as fp from (select (to_jsonb(t)${drop})::text as x from "${n}" t) s`,
    );
  const rows = await queryRows<{ name: string; fp: string }>(db, sql.raw(parts.join(' union all ')));
  return Object.fromEntries(rows.map((r) => [r.name, r.fp]));
}

/** Asserts the database is as it was; names the tables that changed. */
export async function expectUnchanged(db: Db, before: Record<string, string>, where: string): Promise<void> {
  const after = await fingerprint(db);
  const changed = Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
  expect(changed, `${where}: tables changed by refused requests`).toEqual([]);
}
