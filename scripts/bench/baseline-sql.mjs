// The node:http baseline's statements, copied from the app as Drizzle renders them (see baseline-server.mjs),
// and the small helpers its services share.
import { randomBytes } from 'node:crypto';

export const DAY_MS = 86_400_000;
export const PULL_LIMIT = 100;
export const ID_ALPHABET = 'useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict';

// ---- the statements (as Drizzle renders them) ----

const CLIENT_FIELDS = `"clients"."id", "clients"."reseller_id", "users"."name", "users"."email", "users"."status", "clients"."phone", "clients"."account_name", "clients"."country", "clients"."time_zone", "clients"."trial_ends_at", "clients"."credit_balance", "clients"."auto_renew", "clients"."created_at"`;
const CLIENT_FROM = `from "clients" inner join "users" on "users"."id" = "clients"."id"`;
export const CLIENT_COLUMNS = `select ${CLIENT_FIELDS} ${CLIENT_FROM}`;
// listClients's rows carry their sort key as text (the next page's cursor). It is named "created_at" too,
// as Drizzle leaves it: read them as arrays (.values(), as Drizzle does), by position.
export const CLIENT_LIST_COLUMNS = `select ${CLIENT_FIELDS}, ("clients"."created_at")::text ${CLIENT_FROM}`;
export const CLIENT_LIST_NAMES = [
  'id',
  'reseller_id',
  'name',
  'email',
  'status',
  'phone',
  'account_name',
  'country',
  'time_zone',
  'trial_ends_at',
  'credit_balance',
  'auto_renew',
  'created_at',
  'sort_key',
];
export const SEARCH = `("users"."name" ilike $2 or "users"."email" ilike $3 or "clients"."phone" ilike $4 or "clients"."account_name" ilike $5)`;
export const SUB_COLUMNS = `"id", "client_id", "reseller_id", "package_id", "package_code", "package_name", "price", "retail_price", "daily_limit", "period_limit", "device_limit", "period_days", "kind", "paid_by", "starts_at", "ends_at", "canceled_at", "refund_amount", "created_by", "created_at"`;
export const MESSAGE_COLUMNS = `"id", "client_id", "reseller_id", "device_id", "claimed_by", "text", "recipient_count", "segments", "encoding", "state", "source", "with_delivery_report", "sim_number", "valid_until", "counts_toward_quota", "error", "states", "created_at", "claimed_at", "updated_at"`;
export const SETTINGS = `select "key", "value", "updated_at" from "settings"`;

// A portal page's account read (lib/auth/account-read.ts), shared by the layout and the page: the user, whether
// the browser session was revoked ($1, the session id), its reseller's client language, the unread
// notifications and the reseller's credit.
export const ACCOUNT_READ = `select "users"."id", "users"."role", "users"."email", "users"."name", "users"."password_hash", "users"."status", "users"."session_version", "users"."last_login_at", "users"."language", "users"."burmese_digits", "users"."created_at", "users"."updated_at", exists (select 1 from "revoked_sessions" where "revoked_sessions"."sid" = $1), "resellers"."client_language", (select count(*)::int from "notifications" where "notifications"."user_id" = "users"."id" and "notifications"."read_at" is null), (select r.credit_balance from "resellers" r where r.id = "users"."id") from "users" left join "clients" on "clients"."id" = "users"."id" left join "resellers" on "resellers"."id" = "clients"."reseller_id" where "users"."id" = $2`;

// The reseller's price list (lib/services/pricing.ts resellerCatalog): its row with the active packages and
// its prices for them; a reseller with no active package still gives one row, with no package in it.
export const RESELLER_CATALOG = `select "resellers"."partner_type", "resellers"."commission_rate_bp", "packages"."id", "packages"."code", "packages"."name", "packages"."price", "packages"."daily_limit", "packages"."period_limit", "packages"."device_limit", "packages"."period_days", "packages"."smpp_throughput", "packages"."smpp_max_binds", "packages"."active", "packages"."sort_order", "packages"."created_at", "packages"."updated_at", "reseller_prices"."retail_price", "reseller_prices"."display_name" from "resellers" left join "packages" on "packages"."active" = $1 left join "reseller_prices" on ("reseller_prices"."package_id" = "packages"."id" and "reseller_prices"."reseller_id" = "resellers"."id") where "resellers"."id" = $2 order by "packages"."sort_order" asc, "packages"."id" asc`;

// The views of a page's rows in one statement (lib/services/client-views.ts toViews): per row its current
// subscription, paid-until, its reseller's name and its two usage counters. $1 now, $2/$3 the platform's
// zone, $4-$6 the rows' ids, resellers and sign-up times (array literals), $7/$8 now.
export const CLIENT_VIEWS = `
    select p.id, s.package_code, s.package_name, floor(extract(epoch from s.starts_at) * 1000)::float8 as starts_at, floor(extract(epoch from s.ends_at) * 1000)::float8 as ends_at,
      s.daily_limit, s.period_limit, s.device_limit,
      floor(extract(epoch from (select max("subscriptions"."ends_at") from "subscriptions"
  where "subscriptions"."client_id" = p.id and "subscriptions"."canceled_at" is null)) * 1000)::float8 as paid_until,
      (select r.name from "users" r where r.id = p.reseller_id) as reseller_name,
      (select d.used from "usage_counters" d where d.client_id = p.id and d.kind = 'day'
        and d.starts_at = (date_trunc('day', $1::timestamptz at time zone $2) at time zone $3)) as today,
      (select u.used from "usage_counters" u where u.client_id = p.id and u.kind = 'period'
        and u.starts_at = coalesce(date_trunc('milliseconds', s.starts_at), p.created_at)) as period
    from unnest($4::int[], $5::int[],
      $6::timestamptz[]) as p(id, reseller_id, created_at)
    left join lateral (select "subscriptions"."package_code" as package_code, "subscriptions"."package_name" as package_name,
      "subscriptions"."starts_at" as starts_at, "subscriptions"."ends_at" as ends_at, "subscriptions"."daily_limit" as daily_limit,
      "subscriptions"."period_limit" as period_limit, "subscriptions"."device_limit" as device_limit
      from "subscriptions" where "subscriptions"."client_id" = p.id and "subscriptions"."starts_at" <= $7::timestamptz and coalesce("subscriptions"."canceled_at", "subscriptions"."ends_at") > $8::timestamptz
      order by "subscriptions"."starts_at" desc limit 1) s on true`;

// The send (lib/services/send.ts): the client context, the conditional counter upsert, two set-based inserts.
export const SEND_CONTEXT = `
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
export const TAKE_QUOTA = `
    insert into "usage_counters" as u (client_id, kind, starts_at, used)
    select $1::int, k.kind, k.starts_at, $2::int
    from (values ('day', (date_trunc('day', $3::timestamptz at time zone $4) at time zone $5), $6::int),
                 ('period', $7::timestamptz, $8::int)) as k(kind, starts_at, lim)
    where $9::int <= k.lim
    on conflict (client_id, kind, starts_at) do update set used = u.used + excluded.used
    where u.used + excluded.used <= case u.kind when 'day' then $10::int else $11::int end
    returning u.kind`;
// The messages and their recipients in one statement (lib/services/send.ts).
export const INSERT_MESSAGES = `
        with refs as (
          insert into "message_refs" (client_id, ref, created_at) select $1::int, r, $14::timestamptz from unnest($23::text[]) as r
        ), inserted as (
          insert into "messages" (id, ref, client_id, reseller_id, device_id, text, recipient_count, segments, encoding, source,
            with_delivery_report, sim_number, priority, is_encrypted, valid_until, states, created_at, updated_at)
          select u.id, u.ref, $1::int, $2::int, $3::text, $4::text, u.n,
            $5::int, $6::text, $7::text, $8::boolean,
            $9::int, $10::int, $11::boolean, $12::timestamptz, $13::jsonb, $14::timestamptz, $15::timestamptz
          from unnest($16::text[], $17::text[],
            $18::int[]) as u(id, ref, n)
          returning id)
        insert into "message_recipients" (message_id, created_at, position, phone, updated_at)
        select u.id, $14::timestamptz, u.position, u.phone, $19::timestamptz
        from unnest($20::text[], $21::int[],
          $22::text[]) as u(id, position, phone)
        join inserted i on i.id = u.id`;

// The device pull (lib/services/device-queue.ts pullMessages): claim, recipients and answer in one statement.
export const PULL = `
    with claimed as (
      update "messages" set state = 'processing', claimed_by = $1, claimed_at = $2::timestamptz, updated_at = $3::timestamptz,
        states = states || jsonb_build_object('processing', $4::text)
      where (id, created_at) in (
        select id, created_at from "messages"
        where client_id = $5 and state = 'pending' and valid_until + interval '0 seconds' > $6::timestamptz
          and (device_id is null or device_id = $7)
        order by created_at desc limit $8
        for update skip locked)
      returning id, ref, text, segments, encoding, state, source, device_id, claimed_by, valid_until, is_encrypted, error, states, created_at, updated_at, sim_number, with_delivery_report, priority),
    moved as (
      update "message_recipients" r set state = 'processing', updated_at = $9::timestamptz
      from claimed c where r.message_id = c.id and r.created_at = c.created_at and r.state = 'pending'
      returning r.message_id, r.position, r.state),
    held as (
      (select id, ref, text, segments, encoding, state, source, device_id, claimed_by, valid_until, is_encrypted, error, states, created_at, updated_at, sim_number, with_delivery_report, priority from "messages"
        where claimed_by = $10 and state = 'processing' and not (states ? 'device_accepted')
        order by created_at desc limit $11)
      union all
      (select id, ref, text, segments, encoding, state, source, device_id, claimed_by, valid_until, is_encrypted, error, states, created_at, updated_at, sim_number, with_delivery_report, priority from "messages"
        where claimed_by = $12 and state = 'cancelling'
        order by created_at desc limit $13)),
    offered as (
      select * from (select * from claimed union all select * from held) o order by created_at desc limit $14),
    recipients as (
      select r.message_id, json_agg(json_build_object('phone', r.phone, 'state', coalesce(mv.state, r.state), 'error', r.error) order by r.position) as list
      from "message_recipients" r left join moved mv on mv.message_id = r.message_id and mv.position = r.position
      where (r.message_id, r.created_at) in (select id, created_at from offered)
      group by r.message_id)
    select json_build_object(
      'id', o.id, 'ref', o.ref, 'text', o.text, 'segments', o.segments, 'encoding', o.encoding, 'state', o.state,
      'source', o.source, 'device_id', o.device_id, 'claimed_by', o.claimed_by, 'valid_until', o.valid_until,
      'is_encrypted', o.is_encrypted, 'error', o.error, 'states', o.states, 'created_at', o.created_at,
      'updated_at', o.updated_at, 'sim_number', o.sim_number, 'with_delivery_report', o.with_delivery_report,
      'priority', o.priority,
      'recipients', coalesce(rc.list, '[]'::json)) as j
    from offered o left join recipients rc on rc.message_id = o.id
    order by o.created_at desc`;

export const pgArray = (values) =>
  `{${values.map((v) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;

export const DEFAULT_SETTINGS = {
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

/**
 * One statement over postgres.js with its parameters, prepared (named, parsed and planned once per
 * connection) as our server's Drizzle sends it since db/prepared.ts. postgres.js's `unsafe` does not prepare
 * unless told to: until this the baseline re-planned every statement while ours did not.
 */
export const q = (db, text, params = []) => db.unsafe(text, params, { prepare: true });

export function messageView(m, rs) {
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

export function newId(size = 21) {
  const bytes = randomBytes(size);
  let out = '';
  for (let i = 0; i < size; i++) out += ID_ALPHABET[bytes[i] & 63];
  return out;
}

// GSM-7 basic set or UCS-2; 160/153 and 70/67 characters per segment.
export const GSM7 = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
export function smsLength(text) {
  const gsm = [...text].every((c) => GSM7.has(c));
  const n = gsm ? text.length : [...text].length;
  const [one, many] = gsm ? [160, 153] : [70, 67];
  return { encoding: gsm ? 'gsm7' : 'ucs2', segments: n <= one ? 1 : Math.ceil(n / many) };
}

export function httpError(status, code, message) {
  return Object.assign(new Error(message), { status, code });
}
