#!/usr/bin/env node
import { createHash, randomBytes } from 'node:crypto';
// The benchmark's lower bound: a bare node:http + postgres.js server answering the six benchmarked requests
// with the same SQL the app's services send (captured with log_statement = 'all' from the production build
// and copied here statement by statement: same text, same parameters, same transaction boundaries, same
// FOR UPDATE locks, same parallelism), the same JSON shapes, and no framework, no zod, no session or API-key
// lookup, no rate-limit counter: a constant bearer token plus an `x-actor` header name the caller.
//   BASELINE_PORT=3901 DATABASE_URL=postgres://… BASELINE_TOKEN=… node scripts/bench/baseline-server.mjs
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import postgres from 'postgres';

const DAY_MS = 86_400_000;
const PULL_LIMIT = 100;
const ID_ALPHABET = 'useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict';

// ---- the statements (as Drizzle renders them) ----

const CLIENT_COLUMNS = `select "clients"."id", "clients"."reseller_id", "users"."name", "users"."email", "users"."status", "clients"."phone", "clients"."account_name", "clients"."country", "clients"."time_zone", "clients"."trial_ends_at", "clients"."credit_balance", "clients"."auto_renew", "clients"."created_at" from "clients" inner join "users" on "users"."id" = "clients"."id"`;
const SEARCH = `("users"."name" ilike $2 or "users"."email" ilike $3 or "clients"."phone" ilike $4 or "clients"."account_name" ilike $5)`;
const SUB_COLUMNS = `"id", "client_id", "reseller_id", "package_id", "package_code", "package_name", "price", "retail_price", "daily_limit", "period_limit", "device_limit", "period_days", "kind", "paid_by", "starts_at", "ends_at", "canceled_at", "refund_amount", "created_by", "created_at"`;
const MESSAGE_COLUMNS = `"id", "client_id", "reseller_id", "device_id", "claimed_by", "text", "recipient_count", "segments", "encoding", "state", "source", "with_delivery_report", "sim_number", "valid_until", "counts_toward_quota", "error", "states", "created_at", "claimed_at", "updated_at"`;
const USER_BY_ID = `select "id", "role", "email", "name", "password_hash", "status", "session_version", "last_login_at", "created_at", "updated_at" from "users" where "users"."id" = $1`;
const SETTINGS = `select "key", "value", "updated_at" from "settings"`;

const list = (n, from = 1) => Array.from({ length: n }, (_, i) => `$${from + i}`).join(', ');

// The reseller names and the paid-until dates of a page's rows (toViews, beside the current subscriptions and settings).
const resellerNamesSql = (n) => `select "id", "name" from "users" where "users"."id" in (${list(n)})`;
const paidUntilSql = (n) =>
  `select "client_id", max("ends_at") from "subscriptions" where ("subscriptions"."client_id" in (${list(n)}) and "subscriptions"."canceled_at" is null) group by "subscriptions"."client_id"`;

const currentSubsSql = (n) =>
  `select ${SUB_COLUMNS} from "subscriptions" where ("subscriptions"."client_id" in (${list(n)}) and "subscriptions"."starts_at" <= $${n + 1} and coalesce("subscriptions"."canceled_at", "subscriptions"."ends_at") > $${n + 2}::timestamptz) order by "subscriptions"."starts_at" asc`;

// The usage of a page's clients: two counter rows each (lib/services/usage.ts).
const USAGE = `
    select u.client_id as id, u.kind, u.used
    from unnest($1::int[], $2::timestamptz[]) as p(id, start)
    join "usage_counters" u on u.client_id = p.id
      and ((u.kind = 'day' and u.starts_at = (date_trunc('day', $3::timestamptz at time zone $4) at time zone $5)) or (u.kind = 'period' and u.starts_at = p.start))`;

// The send (lib/services/send.ts): the client context, the conditional counter upsert, two set-based inserts.
const SEND_CONTEXT = `
    select json_build_object(
      'reseller_id', c.reseller_id, 'trial_ends_at', c.trial_ends_at, 'created_at', c.created_at, 'user_status', u.status,
      'sub_starts_at', s.starts_at, 'daily_limit', s.daily_limit, 'period_limit', s.period_limit, 'device_limit', s.device_limit,
      'settings', (select coalesce(json_agg(json_build_object('key', st.key, 'value', st.value)), '[]'::json) from "settings" st),
      'device', null) as j
    from "clients" c join "users" u on u.id = c.id
    left join lateral (
      select "subscriptions"."starts_at" as starts_at, "subscriptions"."daily_limit" as daily_limit,
        "subscriptions"."period_limit" as period_limit, "subscriptions"."device_limit" as device_limit
      from "subscriptions"
      where "subscriptions"."client_id" = c.id and "subscriptions"."starts_at" <= $1::timestamptz and coalesce("subscriptions"."canceled_at", "subscriptions"."ends_at") > $2::timestamptz
      order by "subscriptions"."starts_at" desc limit 1) s on true
    where c.id = $3
    for key share of c`;
const TAKE_QUOTA = `
    insert into "usage_counters" as u (client_id, kind, starts_at, used)
    select $1::int, k.kind, k.starts_at, $2::int
    from (values ('day', (date_trunc('day', $3::timestamptz at time zone $4) at time zone $5), $6::int),
                 ('period', $7::timestamptz, $8::int)) as k(kind, starts_at, lim)
    where $9::int <= k.lim
    on conflict (client_id, kind, starts_at) do update set used = u.used + excluded.used
    where u.used + excluded.used <= case u.kind when 'day' then $10::int else $11::int end
    returning u.kind`;
const INSERT_MESSAGES = `
        insert into "messages" (id, ref, client_id, reseller_id, device_id, text, recipient_count, segments, encoding, source,
          with_delivery_report, sim_number, priority, is_encrypted, valid_until, states, created_at, updated_at)
        select u.id, u.ref, $1::int, $2::int, $3::text, $4::text, u.n,
          $5::int, $6::text, $7::text, $8::boolean,
          $9::int, $10::int, $11::boolean, $12::timestamptz, $13::jsonb, $14::timestamptz, $15::timestamptz
        from unnest($16::text[], $17::text[],
          $18::int[]) as u(id, ref, n)`;
const INSERT_RECIPIENTS = `
      insert into "message_recipients" (message_id, position, phone, updated_at)
      select u.id, u.position, u.phone, $1::timestamptz
      from unnest($2::text[], $3::int[],
        $4::text[]) as u(id, position, phone)`;

const pgArray = (values) =>
  `{${values.map((v) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;

const DEFAULT_SETTINGS = {
  platform_name: 'SMS Reseller Platform',
  base_domain: 'localhost',
  default_trial_days: 3,
  trial_daily_limit: 20,
  trial_period_limit: 60,
  trial_device_limit: 1,
  currency: 'MMK',
  time_zone: 'Asia/Yangon',
  default_validity_minutes: 60,
};

// ---- the services, as plain functions over postgres.js ----

export function createBaseline(sql) {
  const q = (db, text, params = []) => db.unsafe(text, params);

  async function getSettings(db) {
    const out = { ...DEFAULT_SETTINGS };
    for (const r of await q(db, SETTINGS)) {
      if (!(r.key in out)) continue;
      const v = JSON.parse(r.value);
      if (typeof v === typeof out[r.key]) out[r.key] = v;
    }
    return out;
  }

  async function currentSubscriptions(db, ids, now) {
    const out = new Map();
    if (!ids.length) return out;
    for (const r of await q(db, currentSubsSql(ids.length), [...ids, now, now])) out.set(r.client_id, r);
    return out;
  }

  async function usageCounts(db, periods, now, tz) {
    const out = new Map([...periods.keys()].map((id) => [id, { today: 0, period: 0 }]));
    if (!periods.size) return out;
    const ids = [...periods.keys()];
    const starts = ids.map((id) => new Date(periods.get(id)).toISOString());
    for (const r of await q(db, USAGE, [pgArray(ids), pgArray(starts), now, tz, tz])) {
      const u = out.get(Number(r.id));
      if (r.kind === 'day') u.today = Number(r.used);
      else u.period = Number(r.used);
    }
    return out;
  }

  function clientView(r, sub, used, settings, now) {
    const status = r.status !== 'active' ? 'suspended' : sub ? 'active' : r.trial_ends_at > now ? 'trial' : 'expired';
    const inTrial = !sub && r.trial_ends_at > now;
    const paidUntil = r.paid_until;
    const live = paidUntil && paidUntil > now;
    return {
      id: r.id,
      reseller_id: r.reseller_id,
      reseller_name: r.reseller_name,
      name: r.name,
      email: r.email,
      phone: r.phone,
      account_name: r.account_name,
      country: r.country,
      time_zone: r.time_zone,
      status,
      trial_ends_at: r.trial_ends_at.toISOString(),
      package: sub
        ? {
            package_type: sub.package_code,
            name: sub.package_name,
            starts_at: sub.starts_at.toISOString(),
            ends_at: sub.ends_at.toISOString(),
          }
        : null,
      paid_until: live ? paidUntil.toISOString() : null,
      expires_at: live ? paidUntil.toISOString() : status === 'trial' || status === 'expired' ? r.trial_ends_at.toISOString() : null,
      usage: {
        today: used?.today ?? 0,
        period: used?.period ?? 0,
        daily_limit: sub ? sub.daily_limit : inTrial ? settings.trial_daily_limit : 0,
        period_limit: sub ? sub.period_limit : inTrial ? settings.trial_period_limit : 0,
        device_limit: sub ? sub.device_limit : inTrial ? settings.trial_device_limit : 0,
      },
      credit_balance: Number(r.credit_balance),
      auto_renew: r.auto_renew,
      created_at: r.created_at.toISOString(),
    };
  }

  // An empty page reads nothing more; otherwise four reads side by side, then the usage counts.
  async function toViews(db, rows, now) {
    const ids = rows.map((r) => r.id);
    if (!ids.length) return [];
    const resellerIds = [...new Set(rows.map((r) => r.reseller_id))];
    const [subs, settings, names, paid] = await Promise.all([
      currentSubscriptions(db, ids, now),
      getSettings(db),
      q(db, resellerNamesSql(resellerIds.length), resellerIds),
      q(db, paidUntilSql(ids.length), ids),
    ]);
    const resellerName = new Map(names.map((n) => [n.id, n.name]));
    const paidUntil = new Map(paid.map((p) => [p.client_id, p.max ? new Date(p.max) : null]));
    const periods = new Map(rows.map((r) => [r.id, subs.get(r.id)?.starts_at ?? r.created_at]));
    const usage = await usageCounts(db, periods, now, settings.time_zone);
    return rows.map((r) =>
      clientView(
        { ...r, reseller_name: resellerName.get(r.reseller_id) ?? '', paid_until: paidUntil.get(r.id) ?? null },
        subs.get(r.id),
        usage.get(r.id),
        settings,
        now,
      ),
    );
  }

  async function listClients(db, resellerId, { page = 1, limit = 20, search }, now = new Date()) {
    let rowsP;
    let countP;
    const offset = (page - 1) * limit;
    const tail = (n) => `order by "clients"."created_at" desc, "clients"."id" desc limit $${n}${offset ? ` offset $${n + 1}` : ''}`;
    if (search) {
      const p = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      rowsP = q(db, `${CLIENT_COLUMNS} where ("clients"."reseller_id" = $1 and ${SEARCH}) ${tail(6)}`, [
        resellerId,
        p,
        p,
        p,
        p,
        limit,
        ...(offset ? [offset] : []),
      ]);
      countP = q(
        db,
        `select count(*) from "clients" inner join "users" on "users"."id" = "clients"."id" where ("clients"."reseller_id" = $1 and ${SEARCH})`,
        [resellerId, p, p, p, p],
      );
    } else {
      rowsP = q(db, `${CLIENT_COLUMNS} where "clients"."reseller_id" = $1 ${tail(2)}`, [resellerId, limit, ...(offset ? [offset] : [])]);
      // Without a filter on the users, the total counts the clients alone.
      countP = q(db, `select count(*) from "clients" where "clients"."reseller_id" = $1`, [resellerId]);
    }
    const [rows, [{ count }]] = await Promise.all([rowsP, countP]);
    const total = Number(count);
    return { data: await toViews(db, rows, now), pagination: { page, limit, total, pages: Math.ceil(total / limit) } };
  }

  async function getClient(db, resellerId, id, now) {
    const rows = await q(db, `${CLIENT_COLUMNS} where ("clients"."id" = $1 and "clients"."reseller_id" = $2)`, [id, resellerId]);
    if (!rows.length) throw httpError(404, 'not_found', 'Client not found.');
    return (await toViews(db, rows, now))[0];
  }

  async function activatePackage(resellerId, clientId, packageType, now = new Date()) {
    const [c] = await q(sql, `select "reseller_id" from "clients" where ("clients"."id" = $1 and "clients"."reseller_id" = $2)`, [
      clientId,
      resellerId,
    ]);
    if (!c) throw httpError(404, 'not_found', 'Client not found.');
    const result = await sql.begin(async (tx) => {
      const [reseller] = await q(
        tx,
        `select "id", "partner_type", "phone", "website", "contact_name", "contact_email", "contact_phone", "subdomain", "commission_rate_bp", "api_rate_limit", "credit_balance", "commission_balance", "brand_name", "brand_color", "logo_data", "logo_type", "logo_updated_at", "support_email", "support_phone", "created_at", "archived_at" from "resellers" where "resellers"."id" = $1 for update`,
        [resellerId],
      );
      if (!reseller || reseller.archived_at) throw httpError(404, 'not_found', 'Client not found.');
      const [client] = await q(
        tx,
        `select "id", "reseller_id", "phone", "account_name", "username", "country", "time_zone", "trial_ends_at", "credit_balance", "auto_renew", "created_at" from "clients" where ("clients"."id" = $1 and "clients"."reseller_id" = $2) for update`,
        [clientId, resellerId],
      );
      if (!client) throw httpError(404, 'not_found', 'Client not found.');
      const [pkg] = await q(
        tx,
        `select "id", "code", "name", "price", "daily_limit", "period_limit", "device_limit", "period_days", "active", "sort_order", "created_at", "updated_at" from "packages" where "packages"."code" = $1`,
        [packageType],
      );
      if (!pkg?.active) throw httpError(400, 'validation_failed', `Unknown or unavailable package_type "${packageType}".`);
      const live = await q(
        tx,
        `select ${SUB_COLUMNS} from "subscriptions" where ("subscriptions"."client_id" = $1 and "subscriptions"."canceled_at" is null and "subscriptions"."ends_at" > $2) order by "subscriptions"."starts_at" asc`,
        [clientId, now],
      );
      const price = Number(pkg.price);
      const period = pkg.period_days * DAY_MS;
      // The bench activates clients with no live subscription (a "new" period) or renews the same package.
      const chainEnd = live.length ? new Date(Math.max(...live.map((s) => s.ends_at.getTime()))) : now;
      const kind = live.length ? 'renewal' : 'new';
      if (live.some((s) => s.package_code !== pkg.code)) throw httpError(501, 'not_implemented', 'The baseline does not switch packages.');
      const balance = Number(reseller.credit_balance);
      if (balance < price) throw httpError(402, 'insufficient_credit', `Not enough credit: ${pkg.name} needs ${price} MMK.`);
      let retail = price;
      if (reseller.partner_type === 'own_plans') {
        const [p] = await q(
          tx,
          `select "retail_price" from "reseller_prices" where ("reseller_prices"."reseller_id" = $1 and "reseller_prices"."package_id" = $2)`,
          [resellerId, pkg.id],
        );
        retail = p ? Number(p.retail_price) : price;
      }
      const startsAt = chainEnd;
      const endsAt = new Date(chainEnd.getTime() + period);
      const [sub] = await q(
        tx,
        `insert into "subscriptions" ("id", "client_id", "reseller_id", "package_id", "package_code", "package_name", "price", "retail_price", "daily_limit", "period_limit", "device_limit", "period_days", "kind", "paid_by", "starts_at", "ends_at", "canceled_at", "refund_amount", "created_by", "created_at") values (default, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, default, default, $16, $17) returning ${SUB_COLUMNS}`,
        [
          clientId,
          resellerId,
          pkg.id,
          pkg.code,
          pkg.name,
          price,
          retail,
          pkg.daily_limit,
          pkg.period_limit,
          pkg.device_limit,
          pkg.period_days,
          kind,
          'reseller',
          startsAt,
          endsAt,
          resellerId,
          now,
        ],
      );
      const moved = await q(
        tx,
        `update "resellers" set "credit_balance" = "resellers"."credit_balance" + $1 where ("resellers"."id" = $2 and "resellers"."credit_balance" + $3 >= $4) returning "credit_balance"`,
        [-price, resellerId, -price, 0],
      );
      if (!moved.length) throw httpError(402, 'insufficient_credit', 'Not enough credit for this.');
      const balanceAfter = Number(moved[0].credit_balance);
      await q(
        tx,
        `insert into "ledger_entries" ("id", "account", "account_id", "reseller_id", "kind", "amount", "balance_after", "method", "reference", "note", "actor_id", "client_id", "subscription_id", "topup_request_id", "created_at") values (default, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, default) returning "id", "account", "account_id", "reseller_id", "kind", "amount", "balance_after", "method", "reference", "note", "actor_id", "client_id", "subscription_id", "topup_request_id", "created_at"`,
        [
          'reseller_credit',
          resellerId,
          resellerId,
          'activation',
          -price,
          balanceAfter,
          null,
          pkg.code,
          `${pkg.name} (${kind})`,
          resellerId,
          clientId,
          sub.id,
          null,
        ],
      );
      if (reseller.partner_type === 'commission') throw httpError(501, 'not_implemented', 'The baseline does not accrue commission.');
      await q(
        tx,
        `insert into "audit_log" ("id", "actor_id", "actor_role", "action", "target_type", "target_id", "before", "after", "ip", "created_at") values (default, $1, $2, $3, $4, $5, $6, $7, $8, default)`,
        [
          resellerId,
          'reseller',
          'client.activate_package',
          'client',
          String(clientId),
          null,
          // postgres.js serialises a jsonb parameter itself (JSON.stringify), as Drizzle does before it.
          { subscription_id: sub.id, package_type: pkg.code, kind, price, refund: 0, credit_balance: balanceAfter, paid_by: 'reseller' },
          '127.0.0.1',
        ],
      );
      // The answer is read inside the transaction, as the service does (nothing runs after COMMIT).
      return { sub, kind, balance: balanceAfter, client: await getClient(tx, resellerId, clientId, now) };
    });
    const s = result.sub;
    return {
      subscription: {
        id: s.id,
        package_type: s.package_code,
        name: s.package_name,
        price: Number(s.price),
        kind: s.kind,
        daily_limit: s.daily_limit,
        period_limit: s.period_limit,
        device_limit: s.device_limit,
        starts_at: s.starts_at.toISOString(),
        ends_at: s.ends_at.toISOString(),
        canceled_at: s.canceled_at?.toISOString() ?? null,
        refund_amount: Number(s.refund_amount),
      },
      kind: result.kind,
      refund: 0,
      credit_balance: result.balance,
      client: result.client,
    };
  }

  async function queueMessage(clientId, phones, text, now = new Date()) {
    const len = smsLength(text);
    const ids = phones.map(() => newId());
    const states = { pending: now.toISOString() };
    let validUntil;
    await sql.begin(async (tx) => {
      const [row] = await q(tx, SEND_CONTEXT, [now, now, clientId]);
      if (!row) throw httpError(404, 'not_found', 'Client not found.');
      const c = typeof row.j === 'string' ? JSON.parse(row.j) : row.j;
      const settings = { ...DEFAULT_SETTINGS };
      for (const r of c.settings) {
        if (!(r.key in settings)) continue;
        const v = JSON.parse(r.value);
        if (typeof v === typeof settings[r.key]) settings[r.key] = v;
      }
      const sub = c.sub_starts_at !== null;
      const trialEnds = new Date(c.trial_ends_at);
      const status = c.user_status !== 'active' ? 'suspended' : sub ? 'active' : trialEnds > now ? 'trial' : 'expired';
      if (status === 'suspended') throw httpError(403, 'account_suspended', 'This account is suspended.');
      if (status === 'expired') throw httpError(403, 'subscription_expired', 'The trial or subscription has ended.');
      validUntil = new Date(now.getTime() + settings.default_validity_minutes * 60_000);
      const daily = sub ? c.daily_limit : settings.trial_daily_limit;
      const periodLimit = sub ? c.period_limit : settings.trial_period_limit;
      const periodStart = new Date(c.sub_starts_at ?? c.created_at);
      const n = phones.length;
      const took = await q(tx, TAKE_QUOTA, [
        clientId,
        n,
        now,
        settings.time_zone,
        settings.time_zone,
        daily,
        periodStart,
        periodLimit,
        n,
        daily,
        periodLimit,
      ]);
      if (took.length !== 2) throw httpError(429, 'daily_limit_reached', `The daily limit of ${daily} SMS is reached.`);
      await q(tx, INSERT_MESSAGES, [
        clientId,
        c.reseller_id,
        null,
        text,
        len.segments,
        len.encoding,
        'api',
        true,
        null,
        0,
        false,
        validUntil,
        states,
        now,
        now,
        pgArray(ids),
        pgArray(ids.map(() => null)),
        pgArray(ids.map(() => 1)),
      ]);
      await q(tx, INSERT_RECIPIENTS, [now, pgArray(ids), pgArray(ids.map(() => 0)), pgArray(phones)]);
    });
    return {
      data: ids.map((id, i) => ({
        id,
        state: 'pending',
        phone: phones[i],
        recipients: [{ phone: phones[i], state: 'pending', error: null }],
        message: text,
        segments: len.segments,
        encoding: len.encoding,
        device_id: null,
        source: 'api',
        valid_until: validUntil.toISOString(),
        is_encrypted: false,
        error: null,
        states,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })),
    };
  }

  async function pull(token, now = new Date()) {
    const [row] = await q(
      sql,
      `select "devices"."id", "devices"."client_id", "devices"."name", "devices"."token_hash", "devices"."push_token", "devices"."sim_cards", "devices"."enabled", "devices"."battery", "devices"."charging", "devices"."app_version", "devices"."last_seen_at", "devices"."created_at", "devices"."removed_at", "users"."status" from "devices" inner join "users" on "users"."id" = "devices"."client_id" where ("devices"."token_hash" = $1 and "devices"."removed_at" is null)`,
      [createHash('sha256').update(token).digest('hex')],
    );
    if (!row) throw httpError(401, 'unauthorized', 'Unknown device token.');
    if (row.status !== 'active') throw httpError(403, 'account_suspended', 'This account is suspended.');
    if (!row.enabled) return [];
    const ts = now.toISOString();
    // The claim and its recipients in one transaction, as the service does.
    await sql.begin(async (tx) => {
      const claimed = await q(
        tx,
        `
      update "messages" set state = 'processing', claimed_by = $1, claimed_at = $2::timestamptz, updated_at = $3::timestamptz,
        states = states || jsonb_build_object('processing', $4::text)
      where id in (
        select id from "messages"
        where client_id = $5 and state = 'pending' and valid_until > $6::timestamptz
          and (device_id is null or device_id = $7)
        order by created_at desc limit $8
        for update skip locked)
      returning id`,
        [row.id, ts, ts, ts, row.client_id, ts, row.id, PULL_LIMIT],
      );
      if (claimed.length) {
        await q(
          tx,
          `update "message_recipients" set "state" = $1, "updated_at" = $2 where ("message_recipients"."message_id" in (${list(claimed.length, 3)}) and "message_recipients"."state" = $${claimed.length + 3})`,
          ['processing', now, ...claimed.map((c) => c.id), 'pending'],
        );
      }
    });
    const rows = await q(
      sql,
      `select ${MESSAGE_COLUMNS} from "messages" where ("messages"."claimed_by" = $1 and "messages"."state" = $2 and not ("messages"."states" ? 'device_accepted')) order by "messages"."created_at" desc limit $3`,
      [row.id, 'processing', PULL_LIMIT],
    );
    if (!rows.length) return [];
    const rs = await q(
      sql,
      `select "message_id", "position", "phone", "state", "error", "updated_at" from "message_recipients" where "message_recipients"."message_id" in (${list(rows.length)})`,
      rows.map((m) => m.id),
    );
    const by = new Map();
    for (const r of rs) (by.get(r.message_id) ?? by.set(r.message_id, []).get(r.message_id)).push(r);
    return rows.map((m) => {
      const v = messageView(m, by.get(m.id) ?? []);
      return {
        id: v.id,
        message: v.message,
        textMessage: { text: v.message },
        phoneNumbers: v.recipients.map((r) => r.phone),
        withDeliveryReport: true,
        validUntil: v.valid_until,
        state: 'Pending',
        createdAt: v.created_at,
      };
    });
  }

  async function clientsPage(resellerId, page) {
    const now = new Date();
    // The layout and the page render side by side, each re-reading the signed-in account.
    const layout = (async () => {
      const [u] = await q(sql, USER_BY_ID, [resellerId]);
      const [[profile], [{ count }]] = await Promise.all([
        q(
          sql,
          `select "resellers"."id", "users"."name", "users"."email", "users"."status", "resellers"."phone", "resellers"."partner_type", "resellers"."subdomain", "resellers"."credit_balance", "resellers"."commission_balance", "resellers"."commission_rate_bp", "resellers"."website", "resellers"."contact_name", "resellers"."contact_email", "resellers"."contact_phone", "resellers"."created_at" from "resellers" inner join "users" on "users"."id" = "resellers"."id" where "resellers"."id" = $1`,
          [resellerId],
        ),
        q(sql, `select count(*) from "clients" where "clients"."reseller_id" = $1`, [resellerId]),
      ]);
      return { user: u, profile, clients: Number(count) };
    })();
    const body = (async () => {
      await q(sql, USER_BY_ID, [resellerId]);
      const [result, catalog] = await Promise.all([
        listClients(sql, resellerId, { page }, now),
        (async () => {
          const [r] = await q(sql, `select "partner_type", "commission_rate_bp" from "resellers" where "resellers"."id" = $1`, [
            resellerId,
          ]);
          const rows = await q(
            sql,
            `select "packages"."id", "packages"."code", "packages"."name", "packages"."price", "packages"."daily_limit", "packages"."period_limit", "packages"."device_limit", "packages"."period_days", "packages"."active", "packages"."sort_order", "packages"."created_at", "packages"."updated_at", "reseller_prices"."retail_price", "reseller_prices"."display_name" from "packages" left join "reseller_prices" on ("reseller_prices"."package_id" = "packages"."id" and "reseller_prices"."reseller_id" = $1) where "packages"."active" = $2 order by "packages"."sort_order" asc, "packages"."id" asc`,
            [resellerId, true],
          );
          return rows.map((p) => ({ code: p.code, name: (r.partner_type === 'own_plans' && p.display_name) || p.name }));
        })(),
      ]);
      return { result, catalog };
    })();
    const [l, { result, catalog }] = await Promise.all([layout, body]);
    const names = new Map(catalog.map((p) => [p.code, p.name]));
    const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    const rows = result.data
      .map(
        (c) =>
          `<tr><td><a href="/reseller/clients/${c.id}">${esc(c.name)}</a><div>${esc(c.email)}</div></td><td>${esc(c.phone)}</td><td>${esc(c.status)}</td><td>${esc(c.package ? (names.get(c.package.package_type) ?? c.package.name) : c.status === 'trial' ? 'Free trial' : '—')}</td><td>${esc(c.expires_at?.slice(0, 10) ?? '—')}</td><td>${c.usage.today} / ${c.usage.daily_limit}</td></tr>`,
      )
      .join('');
    return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Clients</title></head><body><header>Reseller · ${esc(l.user.name)} · Credit ${Number(l.profile.credit_balance).toLocaleString('en-US')} MMK</header><nav><a href="/reseller">Overview</a> <a href="/reseller/clients">Clients</a> <a href="/reseller/credit">Credit</a></nav><main><h1>Clients</h1><form action="/reseller/clients"><input name="search"></form><table><thead><tr><th>Client</th><th>Phone</th><th>Status</th><th>Package</th><th>Expires</th><th>Today</th></tr></thead><tbody>${rows}</tbody></table><p>Page ${result.pagination.page} of ${result.pagination.pages} (${result.pagination.total} clients)</p></main></body></html>`;
  }

  return { listClients, activatePackage, queueMessage, pull, clientsPage };
}

function messageView(m, rs) {
  const recipients = rs.sort((a, b) => a.position - b.position).map((r) => ({ phone: r.phone, state: r.state, error: r.error }));
  return {
    id: m.id,
    state: m.state,
    phone: recipients[0]?.phone ?? '',
    recipients,
    message: m.text,
    segments: m.segments,
    encoding: m.encoding,
    device_id: m.claimed_by ?? m.device_id,
    source: m.source,
    valid_until: m.valid_until.toISOString(),
    error: m.error,
    states: m.states ?? {},
    created_at: m.created_at.toISOString(),
    updated_at: m.updated_at.toISOString(),
  };
}

function newId(size = 21) {
  const bytes = randomBytes(size);
  let out = '';
  for (let i = 0; i < size; i++) out += ID_ALPHABET[bytes[i] & 63];
  return out;
}

// GSM-7 basic set or UCS-2; 160/153 and 70/67 characters per segment.
const GSM7 = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
function smsLength(text) {
  const gsm = [...text].every((c) => GSM7.has(c));
  const n = gsm ? text.length : [...text].length;
  const [one, many] = gsm ? [160, 153] : [70, 67];
  return { encoding: gsm ? 'gsm7' : 'ucs2', segments: n <= one ? 1 : Math.ceil(n / many) };
}

function httpError(status, code, message) {
  return Object.assign(new Error(message), { status, code });
}

// ---- the HTTP server ----

async function readJson(req) {
  const chunks = [];
  let size = 0;
  for await (const c of req) {
    size += c.length;
    if (size > 1_000_000) throw httpError(413, 'payload_too_large', 'Request body is too large.');
    chunks.push(c);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text.trim() ? JSON.parse(text) : {};
  } catch {
    throw httpError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
}

export function startBaselineServer({ port, databaseUrl, token, poolMax = 10 }) {
  const sql = postgres(databaseUrl, { max: poolMax, onnotice: () => {} });
  const svc = createBaseline(sql);
  const send = (res, status, body, type = 'application/json') => {
    const payload = type === 'application/json' ? JSON.stringify(body) : body;
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(payload) });
    res.end(payload);
  };
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      const auth = req.headers.authorization ?? '';
      const actor = Number(req.headers['x-actor']);
      const bearer = auth.startsWith('Bearer ') ? auth.slice(7) : '';
      // The device pull names its device by its own token (as the app does); everything else by the constant.
      if (req.method === 'GET' && url.pathname === '/api/mobile/v1/message') return send(res, 200, await svc.pull(bearer));
      if (bearer !== token || !Number.isSafeInteger(actor) || actor <= 0)
        throw httpError(401, 'unauthorized', 'Missing or invalid credentials.');
      if (req.method === 'GET' && url.pathname === '/api/reseller/clients') {
        const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) | 0);
        const search = url.searchParams.get('search')?.trim() || undefined;
        return send(res, 200, await svc.listClients(sql, actor, { page, limit: 20, search }));
      }
      const activate = /^\/api\/reseller\/clients\/(\d+)\/activate$/.exec(url.pathname);
      if (req.method === 'POST' && activate) {
        const body = await readJson(req);
        return send(res, 201, await svc.activatePackage(actor, Number(activate[1]), String(body.package_type ?? '')));
      }
      if (req.method === 'POST' && url.pathname === '/api/v1/sms/send') {
        const body = await readJson(req);
        const phones = (Array.isArray(body.phones) ? body.phones : [body.phone ?? '']).map((p) => `+${String(p).replace(/[^\d]/g, '')}`);
        return send(res, 202, await svc.queueMessage(actor, phones, String(body.message ?? '')));
      }
      if (req.method === 'GET' && url.pathname === '/reseller/clients') {
        const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) | 0);
        return send(res, 200, await svc.clientsPage(actor, page), 'text/html; charset=utf-8');
      }
      throw httpError(404, 'not_found', 'Not found.');
    } catch (err) {
      if (!err.status) console.error('[baseline]', err);
      send(res, err.status ?? 500, {
        error: { code: err.code ?? 'internal_error', message: err.status ? err.message : 'Internal error.' },
      });
    }
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () =>
      resolve({
        server,
        close: async () => {
          server.close();
          await sql.end({ timeout: 5 });
        },
      }),
    ),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.BASELINE_PORT || 3901);
  const token = process.env.BASELINE_TOKEN;
  const databaseUrl = process.env.DATABASE_URL;
  if (!token || !databaseUrl) throw new Error('BASELINE_TOKEN and DATABASE_URL are required');
  const { close } = await startBaselineServer({ port, databaseUrl, token, poolMax: Number(process.env.BASELINE_POOL_MAX || 10) });
  console.log(`[baseline] listening on http://127.0.0.1:${port}`);
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => close().finally(() => process.exit(0)));
}
