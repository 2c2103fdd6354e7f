import 'server-only';
// The monthly partitions of `messages` and `message_recipients` (docs/scaling.md#partitions, migration
// 0024): the job `message-partitions` (lib/jobs/builtin.ts) makes the current and the next months' partitions
// ahead of time and detaches and drops those past the admin's retention (`message_retention_months`), with
// the message refs and the usage counter rows of those months. A month's partition is named
// `<table>_pYYYY_MM` and holds [first instant of the month UTC, first instant of the next); the default
// partitions catch anything else (so an insert never fails) and are cleaned by DELETE.
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db';
import { getSettings } from './settings';

/** The partitioned tables, the referenced one first (its partitions are made first and dropped last). */
export const PARTITIONED = ['messages', 'message_recipients'] as const;
/** Months made ahead of the current one. */
export const MONTHS_AHEAD = 2;

/** The first instant (UTC) of the month `offset` months from the one `d` is in. */
export function monthStart(d: Date, offset = 0): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1));
}

const suffix = (m: Date) => `${m.getUTCFullYear()}_${String(m.getUTCMonth() + 1).padStart(2, '0')}`;
export const partitionName = (table: (typeof PARTITIONED)[number], m: Date) => `${table}_p${suffix(m)}`;

export interface PartitionRun {
  /** Partitions made by this run (both tables). */
  created: string[];
  /** Months whose partitions could not be made because the default partition holds rows of them. */
  blocked: string[];
  /** Partitions detached and dropped (both tables). */
  dropped: string[];
  /** Rows older than the retention deleted from the default partitions, message_refs and usage_counters. */
  deleted: { defaultMessages: number; refs: number; counters: number };
  /** Messages older than this are gone (the first instant of the oldest month kept). */
  cutoff: string;
}

/** The month partitions of `table` that exist, by name, with the month each holds. */
export async function monthPartitions(db: Db, table: (typeof PARTITIONED)[number]): Promise<{ name: string; month: Date }[]> {
  const rows = rowsOf<{ name: string }>(
    await db.execute(sql`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = ${table}::regclass order by 1`),
  );
  const re = new RegExp(`^${table}_p(\\d{4})_(\\d{2})$`);
  return rows.flatMap((r) => {
    const m = re.exec(r.name);
    return m ? [{ name: r.name, month: new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)) }] : [];
  });
}

/** Makes the partitions of the current month and the MONTHS_AHEAD next ones that do not exist yet. */
async function createAhead(db: Db, now: Date, out: PartitionRun): Promise<void> {
  const have = new Set((await monthPartitions(db, 'messages')).map((p) => p.name));
  for (let i = 0; i <= MONTHS_AHEAD; i++) {
    const from = monthStart(now, i);
    const to = monthStart(now, i + 1);
    if (have.has(partitionName('messages', from))) continue;
    await db.transaction(async (tx) => {
      // Making a partition checks the default partition holds none of its rows (and would fail): such rows
      // (a clock far off) stay in the default, readable, and the month is reported.
      const [{ n }] = rowsOf<{ n: number }>(
        await tx.execute(sql`select count(*)::int as n from (select 1 from messages_default
          where created_at >= ${from.toISOString()}::timestamptz and created_at < ${to.toISOString()}::timestamptz limit 1) d`),
      );
      if (n) {
        out.blocked.push(suffix(from));
        return;
      }
      await tx.execute(sql`set local lock_timeout = '10s'`);
      for (const table of PARTITIONED) {
        const name = partitionName(table, from);
        await tx.execute(
          sql.raw(
            `create table if not exists "${name}" partition of "${table}" for values from ('${from.toISOString()}') to ('${to.toISOString()}')`,
          ),
        );
        out.created.push(name);
      }
    });
  }
}

/** Detaches and drops the month partitions wholly before `cutoff`, recipients first (they reference the messages). */
async function dropExpired(db: Db, cutoff: Date, out: PartitionRun): Promise<void> {
  const old = (await monthPartitions(db, 'messages')).filter((p) => monthStart(p.month, 1) <= cutoff);
  for (const p of old) {
    await db.transaction(async (tx) => {
      // DETACH and DROP lock the parent for a moment; a busy table makes the run fail and retry later
      // rather than queue every send behind it.
      await tx.execute(sql`set local lock_timeout = '10s'`);
      for (const table of [...PARTITIONED].reverse()) {
        const name = partitionName(table, p.month);
        const [{ exists }] = rowsOf<{ exists: boolean }>(await tx.execute(sql`select to_regclass(${name}) is not null as exists`));
        if (!exists) continue;
        await tx.execute(sql.raw(`alter table "${table}" detach partition "${name}"`));
        await tx.execute(sql.raw(`drop table "${name}"`));
        out.dropped.push(name);
      }
    });
  }
}

/** Deletes what the retention drops that is not in a month partition: default rows, refs, old counters. */
async function deleteExpired(db: Db, cutoff: Date, out: PartitionRun): Promise<void> {
  const c = cutoff.toISOString();
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from message_recipients_default where created_at < ${c}::timestamptz`);
    const m = await tx.execute(sql`delete from messages_default where created_at < ${c}::timestamptz returning 1`);
    out.deleted.defaultMessages = rowsOf(m).length;
    const r = await tx.execute(sql`delete from message_refs where created_at < ${c}::timestamptz returning 1`);
    out.deleted.refs = rowsOf(r).length;
    // A day row covers one platform day (at most a day past its start); a period row is kept while it is
    // the client's latest period starting at or before the cutoff (its period may still be running), as a
    // give-back finds a message's counter as the latest one starting at or before the message.
    const u = await tx.execute(sql`delete from usage_counters u where u.starts_at < ${c}::timestamptz and (
        (u.kind = 'day' and u.starts_at < ${c}::timestamptz - interval '1 day')
        or (u.kind = 'period' and exists (select 1 from usage_counters n where n.client_id = u.client_id and n.kind = 'period'
          and n.starts_at > u.starts_at and n.starts_at <= ${c}::timestamptz)))
      returning 1`);
    out.deleted.counters = rowsOf(u).length;
  });
}

/**
 * One pass of the job: the next months' partitions made, and with a retention of N months everything
 * before the first instant of the month N months before `now`'s dropped (so the current month and the N
 * before it are kept).
 */
export async function maintainMessagePartitions(db: Db, now = new Date(), retentionMonths?: number): Promise<PartitionRun> {
  const months = retentionMonths ?? (await getSettings(db)).message_retention_months;
  const cutoff = monthStart(now, -months);
  const out: PartitionRun = {
    created: [],
    blocked: [],
    dropped: [],
    deleted: { defaultMessages: 0, refs: 0, counters: 0 },
    cutoff: cutoff.toISOString(),
  };
  await createAhead(db, now, out);
  await dropExpired(db, cutoff, out);
  await deleteExpired(db, cutoff, out);
  return out;
}
