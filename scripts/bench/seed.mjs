#!/usr/bin/env node
// npm run bench:seed — the benchmark's database (BENCH_DATABASE_URL, default sms_bench on 127.0.0.1):
// created, migrated with the app's migrations, given the app's demo data, then filled with set-based SQL to
// 1,000 resellers, 100,000 clients and 1,000,000 messages (plus the bench pools, see lib.mjs). The real
// schema, triggers and checks stay on: balances equal the sum of their ledger rows. Idempotent: a database
// already seeded at this scale and version is left as it is. `--force` re-seeds.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import postgres from 'postgres';
import {
  assertLoopback,
  BENCH_DB_URL,
  BENCH_LOGINS,
  BENCH_PASSWORD,
  dbName,
  fmtSecs,
  POOLS,
  ROOT,
  SCALE,
  SEED_VERSION,
  TOKENS,
  withDb,
} from './lib.mjs';

const MARKER = 'bench_seed';

/** The seed's record in the settings table (the app reads only the keys it knows). */
export async function readMarker(url = BENCH_DB_URL) {
  const admin = postgres(withDb(url, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${dbName(url)}`;
    if (!exists) return { exists: false, marker: null };
  } finally {
    await admin.end();
  }
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [t] = await sql`select to_regclass('public.settings') as t`;
    if (!t.t) return { exists: true, marker: null };
    const [row] = await sql`select value from settings where key = ${MARKER}`;
    return { exists: true, marker: row ? JSON.parse(row.value) : null };
  } finally {
    await sql.end();
  }
}

export function markerFits(marker) {
  return Boolean(
    marker &&
      marker.version === SEED_VERSION &&
      marker.scale?.resellers === SCALE.resellers &&
      marker.scale?.clients === SCALE.clients &&
      marker.scale?.messages === SCALE.messages,
  );
}

/** Ensures a seeded bench database; returns its marker (ids of the bench accounts and pools). */
export async function ensureSeeded({ url = BENCH_DB_URL, force = false, log = console.log } = {}) {
  assertLoopback(url, 'BENCH_DATABASE_URL');
  const { exists, marker } = await readMarker(url);
  if (!force && markerFits(marker)) {
    log(`[seed] ${dbName(url)} is already seeded (version ${marker.version}, seeded ${marker.seeded_at}): nothing to do`);
    return marker;
  }
  const name = dbName(url);
  const admin = postgres(withDb(url, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    if (exists) {
      // Only a bench database is ever dropped: one that carries the marker or is named like one.
      if (!marker && !/^sms_bench/.test(name))
        throw new Error(`refusing to drop ${name}: not a bench database (no ${MARKER} marker, name not sms_bench*)`);
      log(`[seed] dropping ${name} (${marker ? `seeded with version ${marker.version}` : 'incomplete seed'})`);
      await admin.unsafe(`drop database "${name.replace(/"/g, '""')}" with (force)`);
    }
    await admin.unsafe(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
  return seed(url, log);
}

async function seed(url, log) {
  const t0 = performance.now();
  const step = async (label, fn) => {
    const s = performance.now();
    const r = await fn();
    log(`[seed] ${label.padEnd(48)} ${fmtSecs(performance.now() - s)}`);
    return r;
  };

  const hash = await step('migrations + demo data (app code)', () => appSetup(url));
  const sql = postgres(url, {
    max: 1,
    onnotice: () => {},
    connection: { synchronous_commit: 'off', work_mem: '256MB', maintenance_work_mem: '512MB' },
  });
  try {
    const [{ n: demoResellers }] = await sql`select count(*)::int as n from resellers`;
    const [{ n: demoClients }] = await sql`select count(*)::int as n from clients`;
    const nResellers = SCALE.resellers - demoResellers;
    const nClients = SCALE.clients - demoClients;
    const [{ id: adminId }] = await sql`select id from users where role = 'admin' order by id limit 1`;
    await sql`select setseed(0.42)`;

    await step(
      'bench package',
      () => sql`
      insert into packages (code, name, price, daily_limit, period_limit, device_limit, period_days, active, sort_order)
      values ('bench_unlimited', 'Bench unlimited', 0, 10000000, 100000000, 10, 3650, false, 99)
      on conflict (code) do nothing`,
    );

    await step(`${nResellers} resellers`, async () => {
      await sql.unsafe(`
        create temp table gr as
        select k,
          case when k <= 3 then 'own_plans' when random() < 0.2 then 'commission' else 'own_plans' end as partner_type,
          (500 + floor(random() * 11) * 100)::int as bp,
          now() - (800 + random() * 200) * interval '1 day' as created_at,
          case when k = 2 then 1000000000000 else (100000 + floor(random() * 4900000))::bigint end as final_balance,
          case k when 1 then '${BENCH_LOGINS.list}' when 2 then '${BENCH_LOGINS.act}' when 3 then '${BENCH_LOGINS.ops}'
            else 'partner' || k || '@resellers.example' end as email,
          (array['Golden','Royal','Shwe','Mandalay','Yangon','Ayeyar','Bagan','Thiri','Zaw','Myitta'])[1 + k % 10] || ' '
            || (array['SMS','Telecom','Digital','Networks','Solutions','Connect','Mobile','Link'])[1 + (k / 10) % 8]
            || case when k > 80 then ' ' || k else '' end as name,
          null::int as id
        from generate_series(1, ${nResellers}) k`);
      await sql`
        with ins as (
          insert into users (role, email, name, password_hash, status, created_at, updated_at)
          select 'reseller', email, name, ${hash}, 'active', created_at, created_at from gr order by k
          returning id, email)
        update gr set id = ins.id from ins where ins.email = gr.email`;
      await sql`
        insert into resellers (id, partner_type, phone, website, contact_name, contact_email, contact_phone, subdomain,
          commission_rate_bp, credit_balance, commission_balance, support_email, created_at)
        select id, partner_type, '+95 9 4' || lpad((k * 7919 % 99999999)::text, 8, '0'), 'https://r' || k || '.example',
          'Contact ' || k, 'contact' || k || '@resellers.example', '+95 9 5' || lpad(k::text, 8, '0'), 'r' || k,
          case when partner_type = 'commission' then bp else 0 end, 0, 0, 'support' || k || '@resellers.example', created_at
        from gr order by k`;
      // Own-plans resellers sell the catalog at their own retail prices (10-40 % over list).
      await sql`
        insert into reseller_prices (reseller_id, package_id, retail_price, display_name)
        select gr.id, p.id, (round(p.price * (1.1 + random() * 0.3) / 1000) * 1000)::bigint,
          case when random() < 0.2 then p.name || ' Plus' end
        from gr cross join packages p where gr.partner_type = 'own_plans' and p.active`;
    });

    await step(`${nClients} clients (users + clients rows)`, async () => {
      await sql.unsafe(`
        create temp table gc as
        select g, pool, rk, status, created_at, created_at + interval '3 days' as trial_ends_at,
          now() - random() * interval '29 days' as cur_start, random() < 0.4 as has_prev, random() < 0.5 as had_sub,
          fn, ln, null::int as id, null::int as reseller_id
        from (
          select g, pool, rk, fn, ln,
            case when pool in ('send', 'pull') then 'active' when pool = 'act' then 'expired'
              when u < 0.55 then 'active' when u < 0.63 then 'trial' when u < 0.95 then 'expired' else 'suspended' end as status,
            case when pool = 'reg' and u >= 0.55 and u < 0.63 then now() - u2 * interval '2.5 days'
              else now() - (65 + u2 * 660) * interval '1 day' end as created_at
          from (
            select g,
              case when g <= ${POOLS.act} then 'act' when g <= ${POOLS.act + POOLS.send} then 'send'
                when g <= ${POOLS.act + POOLS.send + POOLS.pull} then 'pull' else 'reg' end as pool,
              case when g <= ${POOLS.act} then 2 when g <= ${POOLS.act + POOLS.send + POOLS.pull} then 3
                else 1 + floor(${nResellers} * power(random(), 1.6))::int end as rk,
              random() as u, random() as u2,
              (array['Aung','Kyaw','Thida','Myint','Zaw','Hla','Nandar','Htet','Su','Win','Thuzar','Ko','Ei','Phyo','Soe',
                'Khin','Moe','Nilar','Tun','Yadanar','Min','Aye','Sandar','Wai','Naing','Hnin','Thant','May','Lwin','Pyae'])[1 + floor(random() * 30)::int] as fn,
              (array['Aung','Win','Oo','Htun','Naing','Lin','Kyaw','Myint','Thein','Maung','Zaw Win','Moe','Soe','Hlaing','Nwe',
                'Thu','Khaing','Lwin','Phyu','Zin'])[1 + floor(random() * 20)::int] as ln
            from generate_series(1, ${nClients}) g) a) b`);
      await sql`update gc set reseller_id = gr.id from gr where gr.k = gc.rk`;
      await sql`
        with ins as (
          insert into users (role, email, name, password_hash, status, created_at, updated_at)
          select 'client',
            lower(replace(fn, ' ', '')) || '.' || lower(replace(ln, ' ', '')) || g || '@'
              || (array['gmail.com','yahoo.com','mail.com.mm','outlook.com','company.com.mm'])[1 + g % 5],
            fn || ' ' || ln, ${hash}, case when status = 'suspended' then 'suspended' else 'active' end, created_at, created_at
          from gc order by g
          returning id, email)
        update gc set id = ins.id from ins where split_part(ins.email, '@', 1) = lower(replace(gc.fn, ' ', '')) || '.' || lower(replace(gc.ln, ' ', '')) || gc.g`;
      await sql`
        insert into clients (id, reseller_id, phone, account_name, country, time_zone, trial_ends_at, credit_balance, auto_renew, created_at)
        select id, reseller_id, '+959' || (420000000 + floor(random() * 579999999))::bigint,
          case when random() < 0.6 then (array['Trading','Clinic','Shop','Logistics','Travel','School','Pharmacy','Motors','Bakery','Hotel'])[1 + g % 10]
            || ' ' || ln || ' Co.' end,
          'MM', 'Asia/Yangon', trial_ends_at, 0, false, created_at
        from gc order by g`;
    });

    await step(
      'subscriptions',
      () => sql`
      insert into subscriptions (client_id, reseller_id, package_id, package_code, package_name, price, retail_price, daily_limit,
        period_limit, device_limit, period_days, kind, paid_by, starts_at, ends_at, created_by, created_at)
      select s.client_id, s.reseller_id, p.id, p.code, p.name, p.price, coalesce(rp.retail_price, p.price), p.daily_limit,
        p.period_limit, p.device_limit, p.period_days, s.kind, 'reseller', s.starts_at,
        s.starts_at + p.period_days * interval '1 day', s.reseller_id, s.starts_at
      from (
        -- the current period of active clients (and of half the suspended ones)
        select id as client_id, reseller_id, case when pool = 'send' then 'bench_unlimited' else pkg end as code,
          case when has_prev and pool = 'reg' then 'renewal' else 'new' end as kind,
          case when pool = 'send' then now() - interval '1 day' else cur_start end as starts_at
        from (select *, (array['starter_pro','starter_pro','starter_pro','starter_pro','business_elite','business_elite',
          'business_elite','enterprise_pro','enterprise_pro','enterprise_max'])[1 + g % 10] as pkg from gc) c
        where status = 'active' or (status = 'suspended' and had_sub)
        union all
        -- the period before it
        select id, reseller_id, (array['starter_pro','starter_pro','starter_pro','starter_pro','business_elite','business_elite',
          'business_elite','enterprise_pro','enterprise_pro','enterprise_max'])[1 + g % 10], 'new', cur_start - interval '30 days'
        from gc where pool = 'reg' and status = 'active' and has_prev
        union all
        -- expired clients that once paid
        select id, reseller_id, 'starter_pro', 'new', now() - (31 + random() * 60) * interval '1 day'
        from gc where pool = 'reg' and status = 'expired' and had_sub
      ) s
      join packages p on p.code = s.code
      left join reseller_prices rp on rp.reseller_id = s.reseller_id and rp.package_id = p.id
      order by s.starts_at`,
    );

    await step('ledger (topups, activations, commission)', async () => {
      await sql`
        insert into ledger_entries (account, account_id, reseller_id, kind, amount, balance_after, method, reference, note,
          actor_id, client_id, subscription_id, created_at)
        select account, account_id, account_id, kind, amount,
          sum(amount) over (partition by account, account_id order by created_at, ord, subscription_id rows unbounded preceding),
          method, reference, note, actor_id, client_id, subscription_id, created_at
        from (
          select 'reseller_credit' as account, gr.id as account_id, 'topup' as kind, coalesce(d.debits, 0) + gr.final_balance as amount,
            'bank_transfer' as method, 'BENCH-' || lpad(gr.k::text, 5, '0') as reference, 'Opening balance' as note,
            ${adminId}::int as actor_id, null::int as client_id, null::int as subscription_id, gr.created_at, 0 as ord
          from gr left join (select reseller_id, sum(price) as debits from subscriptions group by reseller_id) d on d.reseller_id = gr.id
          union all
          select 'reseller_credit', s.reseller_id, 'activation', -s.price, null, s.package_code, s.package_name || ' (' || s.kind || ')',
            s.reseller_id, s.client_id, s.id, s.created_at, 1
          from subscriptions s join gr on gr.id = s.reseller_id where s.price > 0
          union all
          select 'reseller_commission', s.reseller_id, 'commission', floor(s.price * gr.bp / 10000)::bigint, null, null, null,
            s.reseller_id, s.client_id, s.id, s.created_at, 2
          from subscriptions s join gr on gr.id = s.reseller_id where gr.partner_type = 'commission' and s.price > 0
        ) e
        order by created_at`;
      await sql`
        update resellers r set
          credit_balance = coalesce((select sum(amount) from ledger_entries l where l.account = 'reseller_credit' and l.account_id = r.id), 0),
          commission_balance = coalesce((select sum(amount) from ledger_entries l where l.account = 'reseller_commission' and l.account_id = r.id), 0)
        where r.id in (select id from gr)`;
    });

    await step(
      'devices',
      () => sql`
      insert into devices (id, client_id, name, token_hash, enabled, battery, charging, app_version, last_seen_at, created_at)
      select substr(md5('device-' || g || '-' || i), 1, 21), id,
        (array['Galaxy A15','Redmi Note 13','Vivo Y17','Oppo A58','Pixel 7a','Tecno Spark 20'])[1 + (g + i) % 6],
        encode(sha256(convert_to(case when pool = 'pull' then ${TOKENS.pullPrefix}::text || lpad((g - ${POOLS.act + POOLS.send})::text, 5, '0')
          else 'dv_seed_' || g || '_' || i end, 'UTF8')), 'hex'),
        true, 20 + (g * 7 + i) % 80, (g + i) % 3 = 0, '1.68.0',
        case when pool = 'pull' then null else now() - random() * interval '2 days' end, created_at + interval '1 day'
      from (
        select gc.*, case when pool = 'pull' then 1 when pool = 'reg' and status = 'active' then
          (case when random() < 0.6 then 1 when random() < 0.375 then 2 else 0 end) else 0 end as n
        from gc) c
      cross join lateral generate_series(1, c.n) i`,
    );

    const nHistory = SCALE.messages;
    await step(`${nHistory} messages over 90 days`, async () => {
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
      const r0 = performance.now();
      await sql`
        insert into message_recipients (message_id, position, phone, state, error, updated_at)
        select m.id, p, '+959' || (420000000 + floor(random() * 579999999))::bigint,
          case when m.state = 'delivered' and p > 0 and random() < 0.05 then 'failed' else m.state end, m.error, m.updated_at
        from messages m cross join lateral generate_series(0, m.recipient_count - 1) p
        where m.id like 'h%'
        order by m.id, p`;
      log(`[seed]   recipients: ${fmtSecs(performance.now() - r0)}`);
    });

    await step(`pull queues (${POOLS.pull} devices x ${POOLS.pullQueue} pending SMS)`, async () => {
      await sql`
        insert into messages (id, client_id, reseller_id, text, recipient_count, segments, encoding, state, source, valid_until,
          states, created_at, updated_at)
        select 'q' || lpad(((gc.g - 1) * 100 + j)::text, 8, '0') || substr(md5(gc.g || '-' || j), 1, 12), gc.id, gc.reseller_id,
          'Your delivery is on the way. Track it at example.com.mm/t/' || gc.g || j, 1, 1, 'gsm7', 'pending', 'api',
          now() + interval '1 day', jsonb_build_object('pending', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')), now() - (${POOLS.pullQueue} - j) * interval '1 minute',
          now() - (${POOLS.pullQueue} - j) * interval '1 minute'
        from gc cross join generate_series(1, ${POOLS.pullQueue}) j where gc.pool = 'pull'`;
      await sql`
        insert into message_recipients (message_id, position, phone, state, updated_at)
        select m.id, 0, '+959' || (420000000 + floor(random() * 579999999))::bigint, 'pending', m.created_at
        from messages m where m.id like 'q%'`;
    });

    await step('bench API tokens', async () => {
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
    });

    const marker = await step('pool ranges + marker', async () => {
      const range = async (pool) => {
        const [r] = await sql`select min(id)::int as lo, max(id)::int as hi, count(*)::int as n from gc where pool = ${pool}`;
        if (r.hi - r.lo + 1 !== r.n) throw new Error(`the ${pool} pool's ids are not contiguous`);
        return [r.lo, r.hi];
      };
      const ids = Object.fromEntries(
        await Promise.all(
          Object.entries(BENCH_LOGINS).map(async ([k, email]) => {
            const [u] = await sql`select id from users where email = ${email}`;
            return [k, u.id];
          }),
        ),
      );
      const [{ n: listClients }] = await sql`select count(*)::int as n from clients where reseller_id = ${ids.list}`;
      const m = {
        version: SEED_VERSION,
        scale: SCALE,
        seeded_at: new Date().toISOString(),
        resellers: { list: ids.list, act: ids.act, ops: ids.ops },
        list_clients: listClients,
        pools: { act: await range('act'), send: await range('send'), pull: await range('pull') },
      };
      await sql`insert into settings (key, value) values (${MARKER}, ${JSON.stringify(m)})
        on conflict (key) do update set value = excluded.value, updated_at = now()`;
      return m;
    });

    // The messages above were written straight to the table: their usage is counted once here, as the
    // migration that introduced the counters does (db/migrations/0012_usage_counters.sql).
    await step('usage counters', async () => {
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
    });

    await step('analyze', () => sql`analyze`);
    const counts = await tableCounts(sql);
    marker.seed_seconds = Math.round((performance.now() - t0) / 100) / 10;
    marker.counts = counts;
    await sql`update settings set value = ${JSON.stringify(marker)} where key = ${MARKER}`;
    log(
      `[seed] done in ${fmtSecs(performance.now() - t0)}: ${Object.entries(counts)
        .map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`)
        .join(', ')}`,
    );
    return marker;
  } finally {
    await sql.end();
  }
}

export async function tableCounts(sql) {
  const tables = [
    'users',
    'resellers',
    'clients',
    'subscriptions',
    'ledger_entries',
    'devices',
    'messages',
    'message_recipients',
    'api_tokens',
  ];
  const out = {};
  for (const t of tables) out[t] = (await sql.unsafe(`select count(*)::int as n from ${t}`))[0].n;
  return out;
}

/** Migrations and demo data through the app's own code (tsx, react-server condition for `server-only`). */
function appSetup(url) {
  const r = spawnSync(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', path.join(ROOT, 'scripts', 'bench', 'app-setup.mjs'), url, BENCH_PASSWORD],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 300_000,
      env: { ...process.env, DATABASE_URL: url },
    },
  );
  if (r.status !== 0) throw new Error(`app setup failed (${r.status ?? r.signal}):\n${r.stderr}\n${r.stdout}`);
  const last = r.stdout.trim().split('\n').pop();
  return JSON.parse(last).hash;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  ensureSeeded({ force: process.argv.includes('--force') }).catch((err) => {
    console.error('[seed] failed:', err.message);
    process.exit(1);
  });
}
