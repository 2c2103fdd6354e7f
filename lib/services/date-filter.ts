import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `from` / `to` filters on a timestamp column. A bare date is a whole day in the platform time zone
 * (`to=2026-11-21` includes all of the 21st in Yangon); a full timestamp is taken as given.
 */
export function dateRange(column: PgColumn, from: string | undefined, to: string | undefined, timeZone: string): SQL[] {
  const out: SQL[] = [];
  if (from) {
    out.push(
      DATE_ONLY.test(from)
        ? sql`${column} >= (${from}::timestamp at time zone ${timeZone})`
        : sql`${column} >= ${new Date(from).toISOString()}::timestamptz`,
    );
  }
  if (to) {
    out.push(
      DATE_ONLY.test(to)
        ? sql`${column} < ((${to}::timestamp + interval '1 day') at time zone ${timeZone})`
        : sql`${column} < ${new Date(to).toISOString()}::timestamptz`,
    );
  }
  return out;
}
