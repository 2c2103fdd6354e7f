// Two scenarios of issue 12 (docs/benchmarks.md): the bulk send (1,000 recipients a request, recipients per
// second against pgbench inserting the same rows) and the send as usage grows (one client's send with 0 and
// with 15,000 SMS already in its period: the cost must stay flat, as the usage is kept in counters).
import { runLoad } from './load.mjs';
import { runPgbench, sqlLiteral } from './pgbench.mjs';

export const BULK_SIZE = 1_000;
export const GROWTH_USED = 15_000;

const phonesFor = (i, n) => Array.from({ length: n }, (_, k) => `+9594${String((i * n + k) % 100_000_000).padStart(8, '0')}`);

/** pgbench inserting what one bulk request stores: the quota taken, 1,000 messages and their recipients. */
const BULK_LIMIT_SQL = (text, n) => `-- The limit for a bulk send: the counters and ${n} messages + recipients, set-based.
\\set c random(:lo, :hi)
\\set mid random(1, 1000000000)
begin;
insert into usage_counters as u (client_id, kind, starts_at, used) select :c::int, k.kind, k.starts_at, ${n} from (values ('day', date_trunc('day', now() at time zone 'Asia/Yangon') at time zone 'Asia/Yangon'), ('period', (select starts_at from subscriptions where client_id = :c and starts_at <= now() and coalesce(canceled_at, ends_at) > now() order by starts_at desc limit 1))) as k(kind, starts_at) on conflict (client_id, kind, starts_at) do update set used = u.used + excluded.used returning 1;
insert into messages (id, client_id, reseller_id, text, recipient_count, segments, encoding, source, valid_until, states, created_at, updated_at) select 'b' || :client_id || '-' || :mid || '-' || g, :c, (select reseller_id from clients where id = :c), ${text}, 1, 1, 'gsm7', 'api', now() + interval '1 hour', jsonb_build_object('pending', now()::text), now(), now() from generate_series(1, ${n}) g;
insert into message_recipients (message_id, created_at, position, phone, updated_at) select 'b' || :client_id || '-' || :mid || '-' || g, now(), 0, '+9594' || lpad(g::text, 8, '0'), now() from generate_series(1, ${n}) g;
commit;
`;

/**
 * Bulk send: ours and the bare server over the same requests, then pgbench inserting the same rows. The
 * rates are in recipients per second (requests × 1,000).
 */
export async function runBulk({
  oursUrl,
  baseUrl,
  sendLo,
  sendHi,
  token,
  baseHeaders,
  concurrency,
  requests,
  warmup,
  text,
  reset,
  url,
  workDir,
  cpuOf,
}) {
  const clients = sendHi - sendLo + 1;
  const body = (i) => ({ phones: phonesFor(i, BULK_SIZE), message: text });
  const sides = {
    ours: (i) => ({ method: 'POST', path: '/api/v1/sms/send', headers: { authorization: `Bearer ${token(i % clients)}` }, body: body(i) }),
    baseline: (i) => ({ method: 'POST', path: '/api/v1/sms/send', headers: baseHeaders(sendLo + (i % clients)), body: body(i) }),
  };
  const row = {};
  for (const [side, base] of [
    ['ours', oursUrl],
    ['baseline', baseUrl],
  ]) {
    await reset();
    if (warmup) await runLoad({ baseUrl: base, total: warmup, concurrency, makeRequest: sides[side], expect: (s) => s === 202 });
    const cpu0 = cpuOf(side);
    const r = await runLoad({
      baseUrl: base,
      total: requests,
      concurrency,
      makeRequest: (i) => sides[side](warmup + i),
      expect: (s) => s === 202,
    });
    r.cpuMsPerRequest = (cpuOf(side) - cpu0) / requests;
    row[side] = perRecipient(r);
  }
  await reset();
  const pb = await runPgbench({
    url,
    scripts: [BULK_LIMIT_SQL(sqlLiteral(text), BULK_SIZE)],
    vars: { lo: sendLo, hi: sendHi },
    clients: concurrency,
    transactions: requests,
    workDir,
    name: 'bulk',
  });
  row.limit = perRecipient(pb);
  await reset();
  return row;
}

/** Requests per second → recipients per second; latencies stay per request. */
function perRecipient(r) {
  return { ...r, requestsPerSecond: r.rps, rps: r.rps * BULK_SIZE };
}

/**
 * Send as usage grows: one client of the send pool sends single SMS at 0 used, then again after 15,000
 * SMS of its period were stored (as messages and in its counters, as sends would have left them). The
 * figure is the ratio of throughputs (0 ÷ 15,000): 1.00× is flat.
 */
export async function runGrowth({ sql, oursUrl, clientId, token, concurrency, requests, warmup, text, resetClient, cpuOf }) {
  const send = (i) => ({
    method: 'POST',
    path: '/api/v1/sms/send',
    headers: { authorization: `Bearer ${token}` },
    body: { phone: phonesFor(i, 1)[0], message: text },
  });
  const row = {};
  await resetClient(clientId);
  for (const phase of ['empty', 'grown']) {
    if (phase === 'grown') await fillPeriod(sql, clientId, GROWTH_USED);
    if (warmup)
      await runLoad({
        baseUrl: oursUrl,
        total: warmup,
        concurrency,
        makeRequest: (i) => send(i + (phase === 'grown' ? 1e6 : 0)),
        expect: (s) => s === 202,
      });
    const cpu0 = cpuOf('ours');
    const r = await runLoad({
      baseUrl: oursUrl,
      total: requests,
      concurrency,
      makeRequest: (i) => send(warmup + i + (phase === 'grown' ? 1e6 : 0)),
      expect: (s) => s === 202,
    });
    r.cpuMsPerRequest = (cpuOf('ours') - cpu0) / requests;
    row[phase] = r;
  }
  await resetClient(clientId);
  return row;
}

/** `n` SMS in the client's current period (today), as its sends would have stored and counted them. */
async function fillPeriod(sql, clientId, n) {
  await sql.begin(async (tx) => {
    await tx`insert into messages (id, client_id, reseller_id, text, recipient_count, segments, encoding, state, source, valid_until, states, created_at, updated_at)
      select 'g' || ${clientId}::int || '-' || g, c.id, c.reseller_id, 'grown', 1, 1, 'gsm7', 'delivered', 'api', now(), '{}'::jsonb,
        now() - interval '1 minute', now() - interval '1 minute'
      from clients c cross join generate_series(1, ${n}::int) g where c.id = ${clientId}`;
    await tx`insert into message_recipients (message_id, created_at, position, phone, state, updated_at)
      select 'g' || ${clientId}::int || '-' || g, now() - interval '1 minute', 0, '+9594' || lpad(g::text, 8, '0'), 'delivered', now() from generate_series(1, ${n}::int) g`;
    const [s] = await tx`select starts_at from subscriptions where client_id = ${clientId} and starts_at <= now()
      and coalesce(canceled_at, ends_at) > now() order by starts_at desc limit 1`;
    await tx`insert into usage_counters as u (client_id, kind, starts_at, used)
      values (${clientId}, 'day', date_trunc('day', now() at time zone 'Asia/Yangon') at time zone 'Asia/Yangon', ${n}), (${clientId}, 'period', ${s.starts_at}, ${n})
      on conflict (client_id, kind, starts_at) do update set used = u.used + excluded.used`;
  });
  await sql`analyze messages`;
}
