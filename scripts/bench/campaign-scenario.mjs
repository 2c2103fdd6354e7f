// The campaign scenario of issue 14 (docs/benchmarks.md): POST /api/v1/campaigns to a group of 10,000 contacts,
// sent now, through the real API: the audience read, each recipient's text rendered, the campaign and its
// recipients stored, the quota taken and the 10,000 messages queued. Against pgbench inserting the same rows
// in one transaction, set-based (the counters, the campaign, 10,000 campaign recipients, 10,000 messages and
// 10,000 message recipients). Rates are recipients per second.
import { runLoad } from './load.mjs';
import { runPgbench, sqlLiteral } from './pgbench.mjs';

export const CAMPAIGN_SIZE = 10_000;
export const CAMPAIGN_GROUP = 'bench-campaign';
/** A merge field, so every recipient gets its own text, as in a real campaign. */
export const CAMPAIGN_TEXT = 'Hello {{name}}, 20% off every order this week at our shop. Reply STOP to opt out. (bench)';

/**
 * Each campaign client has a group of CAMPAIGN_SIZE contacts (created here once, set-based, and left for
 * the next run). Answers the group id of each client.
 */
async function ensureAudience(sql, clientIds) {
  const have = await sql`select g.client_id, g.id, (select count(*)::int from contact_group_members m where m.group_id = g.id) as n
    from contact_groups g where g.client_id = any(${clientIds}::int[]) and g.name = ${CAMPAIGN_GROUP}`;
  if (have.length === clientIds.length && have.every((g) => g.n === CAMPAIGN_SIZE)) return new Map(have.map((g) => [g.client_id, g.id]));
  console.log(`  (creating ${clientIds.length} groups of ${CAMPAIGN_SIZE.toLocaleString('en-US')} contacts)`);
  await sql.begin(async (tx) => {
    await tx`delete from contact_groups where client_id = any(${clientIds}::int[])`;
    await tx`delete from contacts where client_id = any(${clientIds}::int[])`;
    await tx`insert into contacts (client_id, phone, name, fields)
      select c, '+9597' || lpad(g::text, 8, '0'), 'Bench Contact ' || g, jsonb_build_object('city', 'Yangon')
      from unnest(${clientIds}::int[]) c cross join generate_series(1, ${CAMPAIGN_SIZE}::int) g`;
    await tx`insert into contact_groups (client_id, name) select c, ${CAMPAIGN_GROUP} from unnest(${clientIds}::int[]) c`;
    await tx`insert into contact_group_members (group_id, contact_id)
      select g.id, c.id from contact_groups g join contacts c on c.client_id = g.client_id
      where g.client_id = any(${clientIds}::int[]) and g.name = ${CAMPAIGN_GROUP}`;
  });
  await sql`analyze contacts`;
  await sql`analyze contact_group_members`;
  return ensureAudience(sql, clientIds);
}

/** pgbench storing what one campaign sent now stores, in one transaction of set-based inserts. */
const CAMPAIGN_LIMIT_SQL = (
  text,
  n,
) => `-- The limit for a campaign of ${n} sent now: the quota, the campaign, and ${n} campaign recipients,
-- messages and message recipients, each one multi-row insert.
\\set c :lo + (:client_id % :k)
begin;
insert into usage_counters as u (client_id, kind, starts_at, used) select :c::int, k.kind, k.starts_at, ${n} from (values ('day', date_trunc('day', now() at time zone 'Asia/Yangon') at time zone 'Asia/Yangon'), ('period', (select starts_at from subscriptions where client_id = :c and starts_at <= now() and coalesce(canceled_at, ends_at) > now() order by starts_at desc limit 1))) as k(kind, starts_at) on conflict (client_id, kind, starts_at) do update set used = u.used + excluded.used returning 1;
insert into campaigns (client_id, name, text, state, source, recipient_count, skipped, started_at, created_at, updated_at) values (:c, 'bench', ${text}, 'sending', 'api', ${n}, '{"opted_out": 0, "duplicate": 0, "invalid": 0}', now(), now(), now()) returning id as cid \\gset
insert into messages (id, client_id, reseller_id, text, recipient_count, segments, encoding, source, valid_until, states, created_at, updated_at) select 'k' || :cid || '-' || g, :c, (select reseller_id from clients where id = :c), 'Hello Bench Contact ' || g || ${text}, 1, 1, 'gsm7', 'api', now() + interval '1 hour', jsonb_build_object('pending', now()::text), now(), now() from generate_series(1, ${n}) g;
insert into message_recipients (message_id, created_at, position, phone, updated_at) select 'k' || :cid || '-' || g, now(), 0, '+9597' || lpad(g::text, 8, '0'), now() from generate_series(1, ${n}) g;
insert into campaign_recipients (campaign_id, position, phone, contact_id, name, text, segments, encoding, state, message_id, dispatched_at) select :cid, g - 1, '+9597' || lpad(g::text, 8, '0'), g, 'Bench Contact ' || g, 'Hello Bench Contact ' || g || ${text}, 1, 'gsm7', 'queued', 'k' || :cid || '-' || g, now() from generate_series(1, ${n}) g;
commit;
`;

/** Requests per second → recipients per second; latencies stay per request. */
const perRecipient = (r) => ({ ...r, requestsPerSecond: r.rps, rps: r.rps * CAMPAIGN_SIZE });

/**
 * Campaigns of CAMPAIGN_SIZE from the first `concurrency` send clients in turn (each its own group), then
 * pgbench storing the same rows from the same clients. `reset` clears the send clients' campaigns, messages
 * and counters before each side and after.
 */
export async function runCampaign({ sql, oursUrl, sendLo, sendHi, token, concurrency, requests, warmup, reset, url, workDir, cpuOf }) {
  const k = Math.min(concurrency, sendHi - sendLo + 1);
  const ids = Array.from({ length: k }, (_, i) => sendLo + i);
  const groups = await ensureAudience(sql, ids);
  const make = (i) => ({
    method: 'POST',
    path: '/api/v1/campaigns',
    headers: { authorization: `Bearer ${token(i % k)}` },
    body: { name: `Bench campaign ${i}`, message: CAMPAIGN_TEXT, group_ids: [groups.get(sendLo + (i % k))] },
  });
  const expect = (s) => s === 201;
  const row = {};
  await reset();
  if (warmup) await runLoad({ baseUrl: oursUrl, total: warmup, concurrency, makeRequest: make, expect, timeoutMs: 180_000 });
  await reset();
  const cpu0 = cpuOf('ours');
  const r = await runLoad({
    baseUrl: oursUrl,
    total: requests,
    concurrency,
    makeRequest: (i) => make(warmup + i),
    expect,
    timeoutMs: 180_000,
  });
  r.cpuMsPerRequest = (cpuOf('ours') - cpu0) / requests;
  const [{ n }] = await sql`select count(*)::int as n from messages where client_id = any(${ids}::int[])`;
  if (!r.failures && n !== requests * CAMPAIGN_SIZE)
    throw new Error(`the campaigns queued ${n} messages, not ${requests * CAMPAIGN_SIZE}: not the work the bench means`);
  row.ours = perRecipient(r);
  await reset();
  // The text after the name, as the rendered template has it (pgbench prefixes 'Hello Bench Contact <g>').
  const tail = CAMPAIGN_TEXT.slice(CAMPAIGN_TEXT.indexOf('}}') + 2);
  const pb = await runPgbench({
    url,
    scripts: [CAMPAIGN_LIMIT_SQL(sqlLiteral(tail), CAMPAIGN_SIZE)],
    vars: { lo: sendLo, k },
    clients: concurrency,
    transactions: requests,
    workDir,
    name: 'campaign',
  });
  row.limit = perRecipient(pb);
  await reset();
  return row;
}
