// The message log partitioned by month (docs/scaling.md#partitions, migration 0024, the job
// `message-partitions`): messages and their recipients land in their month's partition, the job makes the
// next months ahead and drops what is past the admin's retention — and nothing newer — once per due run,
// a caller's id is still refused twice per client, and the retention setting refuses bad input. On a
// database of its own (the job drops partitions and deletes old counters platform-wide); PGlite and PostgreSQL.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET as getSettingsRoute, PATCH as patchSettingsRoute } from '@/app/api/admin/settings/route';
import { type DbHandle, rowsOf, setDbHandle } from '@/db';
import { usageCounters } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { messagePartitionsJob } from '@/lib/jobs/builtin';
import { ensureJobs, runJobIfDue } from '@/lib/jobs/registry';
import { maintainMessagePartitions, monthPartitions, monthStart, partitionName } from '@/lib/services/message-partitions';
import { getMessage, queueMessages } from '@/lib/services/messages';
import { DEFAULT_SETTINGS, getSettings, updateSettings } from '@/lib/services/settings';
import { makeClient, makeReseller, uid } from './helpers/fixtures';
import { call, expectError, fieldsOf } from './helpers/http';
import { openPrivateDb } from './helpers/private-db';
import { adminWithToken } from './helpers/sessions';

let h: DbHandle;
let admin: Actor;
let adminToken: string;
let client: Actor;
beforeAll(async () => {
  h = await openPrivateDb();
  setDbHandle(h);
  ({ actor: admin, token: adminToken } = await adminWithToken(h.db));
  const r = await makeReseller(h.db, admin);
  client = (await makeClient(h.db, r.actor, { trial_days: 30 })).actor;
  // Room for every send below, at any date the tests send at.
  await updateSettings(h.db, admin, { trial_daily_limit: 100_000, trial_period_limit: 1_000_000 });
  await h.db.execute(sql`update clients set trial_ends_at = '2200-01-01T00:00:00Z' where id = ${client.userId}`);
});
afterAll(async () => {
  await updateSettings(h.db, admin, { ...DEFAULT_SETTINGS });
  await h.close();
});

const partitionOf = async (table: string, id: string) =>
  rowsOf<{ p: string }>(
    await h.db.execute(
      sql.raw(`select tableoid::regclass::text as p from ${table} where ${table === 'messages' ? 'id' : 'message_id'} = '${id}'`),
    ),
  ).map((r) => r.p);
const partitions = async (table: 'messages' | 'message_recipients') =>
  rowsOf<{ name: string }>(
    await h.db.execute(sql`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = ${table}::regclass order by 1`),
  ).map((r) => r.name);

/** A message of the client created at `at` (its row and recipients carry that created_at). */
async function sendAt(at: Date, phones = ['+959420000001']) {
  const [m] = await queueMessages(h.db, client, { messages: [{ phones }], text: `at ${at.toISOString()}`, source: 'api' }, at);
  return m.id;
}

describe('partitions', () => {
  test('the migration made the default partitions and the current month and two ahead of both tables', async () => {
    const now = new Date();
    for (const table of ['messages', 'message_recipients'] as const) {
      const names = await partitions(table);
      expect(names).toContain(`${table}_default`);
      for (const i of [0, 1, 2]) expect(names).toContain(partitionName(table, monthStart(now, i)));
    }
  });

  test("a message and its recipients land in their month's partition; one outside every month in the default", async () => {
    const now = new Date();
    const id = await sendAt(now, ['+959420000001', '+959420000002']);
    expect(await partitionOf('messages', id)).toEqual([partitionName('messages', monthStart(now))]);
    expect(await partitionOf('message_recipients', id)).toEqual(Array(2).fill(partitionName('message_recipients', monthStart(now))));
    // Read back by id (no created_at known): found across the partitions.
    expect((await getMessage(h.db, client, id)).recipients).toHaveLength(2);
    const far = new Date(Date.UTC(2020, 0, 15));
    const old = await sendAt(far);
    expect(await partitionOf('messages', old)).toEqual(['messages_default']);
    expect(await partitionOf('message_recipients', old)).toEqual(['message_recipients_default']);
  });

  test('the message log by date reads only the partitions of its range (pruning)', async () => {
    const from = monthStart(new Date()).toISOString();
    const to = monthStart(new Date(), 1).toISOString();
    const plan = rowsOf<Record<string, string>>(
      await h.db.execute(
        sql`explain select id from messages where client_id = ${client.userId} and created_at >= ${from}::timestamptz
          and created_at < ${to}::timestamptz order by created_at desc limit 20`,
      ),
    )
      .map((r) => Object.values(r)[0])
      .join('\n');
    expect(plan).toContain(partitionName('messages', monthStart(new Date())));
    expect(plan).not.toContain('messages_default');
    expect(plan).not.toContain(partitionName('messages', monthStart(new Date(), -1)));
  });

  test('a repeated caller id is refused per client (conflict), another client may use it', async () => {
    const id = `order-${uid()}`;
    await queueMessages(h.db, client, { messages: [{ ref: id, phones: ['+959420000003'] }], text: 'x', source: '3rdparty' });
    await expect(
      queueMessages(h.db, client, { messages: [{ ref: id, phones: ['+959420000004'] }], text: 'x', source: '3rdparty' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    // Next month, too: the key is in message_refs, not in one partition.
    await expect(
      queueMessages(
        h.db,
        client,
        { messages: [{ ref: id, phones: ['+959420000004'] }], text: 'x', source: '3rdparty' },
        monthStart(new Date(), 1),
      ),
    ).rejects.toMatchObject({ code: 'conflict' });
    const other = (await makeClient(h.db, (await makeReseller(h.db, admin)).actor)).actor;
    await queueMessages(h.db, other, { messages: [{ ref: id, phones: ['+959420000005'] }], text: 'x', source: '3rdparty' });
    expect((await getMessage(h.db, client, id)).recipients[0].phone).toBe('+959420000003');
  });

  test('the job: next months made ahead; with retention N, the months before the N kept are dropped (messages, recipients, refs, counters), nothing newer; once per due run', async () => {
    // A clock 4 months ahead of today: the job must make months now+4..now+6, and with a retention of 2
    // keep now+2 (made by the migration) and what follows, and drop now+1, now and older.
    const now = new Date();
    const later = new Date(monthStart(now, 4).getTime() + 3 * 86_400_000);
    const keptMonth = monthStart(later, -2);
    const droppedMonth = monthStart(later, -3);
    // Messages in the month just past retention and in the first month kept.
    const gone = await sendAt(new Date(droppedMonth.getTime() + 86_400_000));
    const goneRef = `ref-${uid()}`;
    await queueMessages(
      h.db,
      client,
      { messages: [{ ref: goneRef, phones: ['+959420000006'] }], text: 'x', source: '3rdparty' },
      new Date(droppedMonth.getTime() + 2 * 86_400_000),
    );
    const counterRows = async (before: Date) =>
      rowsOf<{ n: number }>(
        await h.db.execute(
          sql`select count(*)::int as n from ${usageCounters} where client_id = ${client.userId} and kind = 'day' and starts_at < ${before.toISOString()}::timestamptz`,
        ),
      )[0].n;
    expect(await counterRows(keptMonth)).toBeGreaterThan(0);
    const kept = await sendAt(new Date(keptMonth.getTime() + 86_400_000));
    await updateSettings(h.db, admin, { message_retention_months: 2 });

    await ensureJobs(h.db, [messagePartitionsJob], later);
    // Two instances at once: one runs the pass.
    const outs = await Promise.all([
      runJobIfDue(h.db, messagePartitionsJob, later, 'instance-a'),
      runJobIfDue(h.db, messagePartitionsJob, later, 'instance-b'),
    ]);
    expect(outs.filter((o) => o.ran)).toHaveLength(1);
    const out = outs.find((o) => o.ran);
    if (!out?.ran || !out.ok) throw new Error(`the job failed: ${JSON.stringify(out)}`);
    expect(await runJobIfDue(h.db, messagePartitionsJob, later, 'instance-c')).toEqual({ ran: false });

    const names = await monthPartitions(h.db, 'messages');
    const months = names.map((p) => p.month.getTime());
    for (const i of [0, 1, 2]) expect(months).toContain(monthStart(later, i).getTime());
    expect(Math.min(...months)).toBe(keptMonth.getTime());
    expect(out.result.dropped).toContain(partitionName('messages', droppedMonth));
    expect(out.result.dropped).toContain(partitionName('message_recipients', droppedMonth));
    expect(out.result.dropped).toContain(partitionName('messages', monthStart(now)));
    expect(out.result.created).not.toContain(partitionName('messages', keptMonth));
    expect((await monthPartitions(h.db, 'message_recipients')).map((p) => p.month.getTime()).sort()).toEqual([...months].sort());
    // The 2020 message of the default partition is older too: deleted; the default partitions remain.
    expect(out.result.deleted.defaultMessages).toBeGreaterThanOrEqual(1);
    expect(await partitions('messages')).toContain('messages_default');

    expect(await partitionOf('messages', gone)).toEqual([]);
    expect(await partitionOf('message_recipients', gone)).toEqual([]);
    expect(await partitionOf('messages', kept)).toEqual([partitionName('messages', keptMonth)]);
    expect((await getMessage(h.db, client, kept)).recipients).toHaveLength(1);
    // The dropped month's ref may be used again; its day counters are gone, the kept months' stay.
    await queueMessages(
      h.db,
      client,
      { messages: [{ ref: goneRef, phones: ['+959420000007'] }], text: 'again', source: '3rdparty' },
      later,
    );
    expect(await counterRows(new Date(keptMonth.getTime() - 86_400_000))).toBe(0);
    expect(await counterRows(monthStart(later, 1))).toBeGreaterThan(0);

    // A second pass at the same time finds nothing to do.
    const again = await maintainMessagePartitions(h.db, later);
    expect(again).toMatchObject({ created: [], dropped: [], blocked: [] });
  });

  test('a month whose rows already sit in the default partition is reported, not made; its rows stay readable', async () => {
    const far = new Date(Date.UTC(2099, 4, 10));
    const id = await sendAt(far);
    const run = await maintainMessagePartitions(h.db, new Date(Date.UTC(2099, 3, 20)), 120);
    expect(run.blocked).toEqual(['2099_05']);
    expect(run.created).toContain(partitionName('messages', monthStart(far, -1)));
    expect(run.created).not.toContain(partitionName('messages', monthStart(far)));
    expect(await partitionOf('messages', id)).toEqual(['messages_default']);
    expect((await getMessage(h.db, client, id)).id).toBe(id);
  });
});

describe('retention setting', () => {
  const patch = (body: unknown) => call(patchSettingsRoute, 'PATCH', '/api/admin/settings', { token: adminToken, body });

  test('GET shows it (default 24); PATCH sets it; 0, negative, fractional and huge are refused and change nothing', async () => {
    await updateSettings(h.db, admin, { message_retention_months: DEFAULT_SETTINGS.message_retention_months });
    const got = await call(getSettingsRoute, 'GET', '/api/admin/settings', { token: adminToken });
    expect(got.json.message_retention_months).toBe(24);
    for (const bad of [0, -1, 1.5, 121, 1_000_000, '12', null]) {
      const res = await patch({ message_retention_months: bad });
      expect(fieldsOf(expectError(res, 400, 'validation_failed'))).toHaveProperty('message_retention_months');
      expect((await getSettings(h.db)).message_retention_months).toBe(24);
    }
    const ok = await patch({ message_retention_months: 6 });
    expect(ok.status).toBe(200);
    expect(ok.json.message_retention_months).toBe(6);
    expect((await getSettings(h.db)).message_retention_months).toBe(6);
  });
});
