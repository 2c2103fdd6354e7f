// The bench seed's traffic (seed.mjs): 90 days of message history, the pull pool's queues, the API tokens
// and the usage counters of all of it.
import { BENCH_LOGINS, fmtSecs, POOLS, TOKENS } from './lib.mjs';

/**
 * The month partitions of `messages` and `message_recipients` the history falls in (the 90 days before now),
 * made before it is written, as the app's partition job would have made them month by month: without them
 * the history lands in the default partitions, which no real database of that age has.
 */
export async function seedPartitions(sql) {
  const now = new Date();
  const first = new Date(now.getTime() - 91 * 86_400_000);
  const made = [];
  for (let m = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1)); m <= now; ) {
    const next = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1));
    const suffix = `${m.getUTCFullYear()}_${String(m.getUTCMonth() + 1).padStart(2, '0')}`;
    for (const table of ['messages', 'message_recipients']) {
      await sql.unsafe(
        `create table if not exists "${table}_p${suffix}" partition of "${table}" for values from ('${m.toISOString()}') to ('${next.toISOString()}')`,
      );
    }
    made.push(suffix);
    m = next;
  }
  return made;
}

/** The message history and its recipients, in chunks. */
export async function seedHistory(sql, { nHistory, log }) {
  // Senders: active clients with a phone (a join, not a subquery per row: the fresh tables have no statistics yet).
  await sql`
      create temp table senders as
      select row_number() over (order by random())::int as rn, gc.id as client_id, gc.reseller_id, d.device_id
      from gc join (select client_id, min(id) as device_id from devices group by client_id) d on d.client_id = gc.id
      where gc.pool = 'reg' and gc.status = 'active'`;
  await sql`create unique index on senders (rn)`;
  await sql`analyze senders`;
  const [{ n: nSenders }] = await sql`select count(*)::int as n from senders`;
  const texts = [
    ['Your order #{n} has shipped and will arrive within 2 days.', 'gsm7', 1],
    ['Your verification code is {n}. Do not share it with anyone.', 'gsm7', 1],
    ['Appointment reminder: tomorrow at 10:00. Reply YES to confirm or call us to reschedule.', 'gsm7', 1],
    ['Payment of 25,000 MMK received. Thank you for your business!', 'gsm7', 1],
    [
      'Flash sale! 20% off everything this weekend only. Visit our shop on Bogyoke Road or order online at shop.example.com.mm today. Offer ends Sunday midnight.',
      'gsm7',
      2,
    ],
    ['Your package is waiting at the Hledan branch. Bring your ID to collect it before Friday.', 'gsm7', 1],
    ['မင်္ဂလာပါ။ သင့်အော်ဒါကို ပို့ဆောင်ပြီးပါပြီ။', 'ucs2', 1],
    ['သင်၏ အတည်ပြုကုဒ်မှာ {n} ဖြစ်ပါသည်။', 'ucs2', 1],
    ['Dear customer, your subscription renews on the 1st. No action is needed.', 'gsm7', 1],
    ['Your table for 4 is booked for 19:30 tonight. See you soon!', 'gsm7', 1],
    ['Class is moved to Room 204 today. Please bring your workbook.', 'gsm7', 1],
    ['Low balance alert: your account has less than 5,000 MMK left.', 'gsm7', 1],
  ];
  const textArr = `array[${texts.map(([t]) => `'${t.replace(/'/g, "''")}'`).join(',')}]`;
  const encArr = `array[${texts.map(([, e]) => `'${e}'`).join(',')}]`;
  const segArr = `array[${texts.map(([, , s]) => s).join(',')}]`;
  const iso = (e) => `to_char((${e}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  // Chunks of 200,000 keep each statement's memory and WAL in bounds and show progress.
  for (let from = 1; from <= nHistory; from += 200_000) {
    const c0 = performance.now();
    const to = Math.min(nHistory, from + 199_999);
    await sql.unsafe(`
        insert into messages (id, client_id, reseller_id, device_id, claimed_by, text, recipient_count, segments, encoding, state,
          source, with_delivery_report, valid_until, counts_toward_quota, error, states, created_at, claimed_at, updated_at)
        select 'h' || lpad(g::text, 8, '0') || substr(md5(g::text), 1, 12), s.client_id, s.reseller_id, null,
          case when state in ('expired', 'cancelled') then null else s.device_id end,
          replace((${textArr})[t], '{n}', (100000 + g % 900000)::text), rc, (${segArr})[t], (${encArr})[t], state, source, true,
          ts + interval '1 hour', state not in ('expired', 'cancelled'),
          case when state = 'failed' then 'RESULT_ERROR_GENERIC_FAILURE' end,
          jsonb_strip_nulls(jsonb_build_object(
            'pending', ${iso('ts')},
            'processing', case when state not in ('expired', 'cancelled') then ${iso("ts + interval '2 seconds'")} end,
            'device_accepted', case when state not in ('expired', 'cancelled') then ${iso("ts + interval '3 seconds'")} end,
            'sent', case when state in ('sent', 'delivered') then ${iso("ts + interval '6 seconds'")} end,
            'delivered', case when state = 'delivered' then ${iso("ts + interval '25 seconds'")} end,
            'failed', case when state = 'failed' then ${iso("ts + interval '9 seconds'")} end,
            'expired', case when state = 'expired' then ${iso("ts + interval '1 hour'")} end,
            'cancelled', case when state = 'cancelled' then ${iso("ts + interval '40 seconds'")} end)),
          ts, case when state not in ('expired', 'cancelled') then ts + interval '2 seconds' end,
          ts + case when state = 'expired' then interval '1 hour' when state = 'pending' then interval '0' else interval '25 seconds' end
        from (
          select g, 1 + floor(${nSenders} * power(random(), 1.5))::int as rn,
            now() - interval '5 minutes' - random() * interval '90 days' as ts,
            1 + floor(random() * ${texts.length})::int as t,
            case when random() < 0.9 then 1 else 2 + floor(random() * 4)::int end as rc,
            (array['delivered','delivered','delivered','delivered','delivered','delivered','delivered','sent','sent',
              'failed'])[1 + floor(random() * 10)::int] as st0, random() as sr, random() as src
          from generate_series(${from}, ${to}) g) x
        cross join lateral (select case when x.sr < 0.04 then 'expired' when x.sr < 0.05 then 'cancelled'
          when x.sr < 0.06 then 'unknown' else x.st0 end as state,
          case when x.src < 0.7 then 'api' when x.src < 0.85 then 'portal' when x.src < 0.95 then '3rdparty' else 'otp' end as source) k
        join senders s on s.rn = x.rn`);
    log(`[seed]   messages ${from}-${to}: ${fmtSecs(performance.now() - c0)}`);
  }
  // Recipients: one statement for the default million (as it always was: the same rows), and in chunks of a
  // million messages above it (BENCH_MESSAGES), so a 10M seed's sort and transaction stay as small.
  const recipients = (where) =>
    sql.unsafe(`
      insert into message_recipients (message_id, created_at, position, phone, state, error, updated_at)
      select m.id, m.created_at, p, '+959' || (420000000 + floor(random() * 579999999))::bigint,
        case when m.state = 'delivered' and p > 0 and random() < 0.05 then 'failed' else m.state end, m.error, m.updated_at
      from messages m cross join lateral generate_series(0, m.recipient_count - 1) p
      where m.id like 'h%'${where}
      order by m.id, p`);
  const perChunk = 1_000_000;
  const id = (g) => `h${String(g).padStart(8, '0')}`; // + 12 hex digits: 'g' sorts after them all
  for (let from = 1; from <= nHistory; from += perChunk) {
    const r0 = performance.now();
    const to = Math.min(nHistory, from + perChunk - 1);
    await recipients(nHistory <= perChunk ? '' : ` and m.id >= '${id(from)}' and m.id < '${id(to)}g'`);
    log(`[seed]   recipients${nHistory <= perChunk ? '' : ` of messages ${from}-${to}`}: ${fmtSecs(performance.now() - r0)}`);
  }
}

/** Each pull device's queue of pending SMS. */
export async function seedPullQueues(sql) {
  await sql`
      insert into messages (id, client_id, reseller_id, text, recipient_count, segments, encoding, state, source, valid_until,
        states, created_at, updated_at)
      select 'q' || lpad(((gc.g - 1) * 100 + j)::text, 8, '0') || substr(md5(gc.g || '-' || j), 1, 12), gc.id, gc.reseller_id,
        'Your delivery is on the way. Track it at example.com.mm/t/' || gc.g || j, 1, 1, 'gsm7', 'pending', 'api',
        now() + interval '1 day', jsonb_build_object('pending', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')), now() - (${POOLS.pullQueue} - j) * interval '1 minute',
        now() - (${POOLS.pullQueue} - j) * interval '1 minute'
      from gc cross join generate_series(1, ${POOLS.pullQueue}) j where gc.pool = 'pull'`;
  await sql`
      insert into message_recipients (message_id, created_at, position, phone, state, updated_at)
      select m.id, m.created_at, 0, '+959' || (420000000 + floor(random() * 579999999))::bigint, 'pending', m.created_at
      from messages m where m.id like 'q%'`;
}

/** The API tokens of the list, activate and send accounts. */
export async function seedTokens(sql) {
  const rows = [];
  const [list] = await sql`select id from users where email = ${BENCH_LOGINS.list}`;
  const [act] = await sql`select id from users where email = ${BENCH_LOGINS.act}`;
  rows.push([list.id, TOKENS.list], [act.id, TOKENS.act]);
  const send = await sql`select id from gc where pool = 'send' order by g`;
  send.forEach((c, i) => {
    rows.push([c.id, TOKENS.send(i)]);
  });
  for (const [userId, token] of rows) {
    await sql`insert into api_tokens (user_id, kind, name, token_hash, prefix)
        values (${userId}, 'api_key', 'bench', encode(sha256(convert_to(${token}, 'UTF8')), 'hex'), ${token.slice(0, 10)})`;
  }
}

/** The usage counters of every message written above. */
export async function seedCounters(sql) {
  await sql`delete from usage_counters`;
  await sql`
      with m as (
        select m.client_id, m.created_at, m.recipient_count,
          date_trunc('milliseconds', coalesce((select max(s.starts_at) from subscriptions s where s.client_id = m.client_id
            and s.starts_at <= m.created_at and coalesce(s.canceled_at, s.ends_at) > m.created_at), c.created_at)) as period_start
        from messages m join clients c on c.id = m.client_id where m.counts_toward_quota
      )
      insert into usage_counters (client_id, kind, starts_at, used)
      select client_id, 'day', date_trunc('day', created_at at time zone 'Asia/Yangon') at time zone 'Asia/Yangon', sum(recipient_count)
      from m group by 1, 3
      union all
      select client_id, 'period', period_start, sum(recipient_count) from m group by 1, 3`;
}
