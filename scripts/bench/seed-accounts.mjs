// The bench seed's accounts (seed.mjs): resellers with their prices, clients, subscriptions, the ledger that
// balances them, and devices. Set-based SQL over the temp tables gr (resellers) and gc (clients) of one session.
import { BENCH_LOGINS, POOLS, TOKENS } from './lib.mjs';

/** The bench package of the send pool (never sold). */
export async function seedPackage(sql) {
  return sql`
    insert into packages (code, name, price, daily_limit, period_limit, device_limit, period_days, active, sort_order)
    values ('bench_unlimited', 'Bench unlimited', 0, 10000000, 100000000, 10, 3650, false, 99)
    on conflict (code) do nothing`;
}

/** The resellers (temp table gr), their users, reseller rows and retail prices. */
export async function seedResellers(sql, { nResellers, hash }) {
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
}

/** The clients (temp table gc) with their users, spread over the resellers. */
export async function seedClients(sql, { nClients, nResellers, hash }) {
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
}

/** Current, previous and lapsed subscriptions. */
export async function seedSubscriptions(sql) {
  return sql`
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
    order by s.starts_at`;
}

/** The ledger (top-ups, activations, commission) and the balances it sums to. */
export async function seedLedger(sql, { adminId }) {
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
}

/** Phones of the active clients and of the pull pool. */
export async function seedDevices(sql) {
  return sql`
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
    cross join lateral generate_series(1, c.n) i`;
}
