// The baseline's client reads: the list (API and page) with its views, and the server-rendered page.
import {
  CLIENT_COLUMNS,
  currentSubsSql,
  DEFAULT_SETTINGS,
  httpError,
  paidUntilSql,
  pgArray,
  q,
  resellerNamesSql,
  SEARCH,
  SETTINGS,
  USAGE,
  USER_BY_ID,
} from './baseline-sql.mjs';

export function clientQueries(sql) {
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

  async function clientsPage(resellerId, page) {
    const now = new Date();
    // The layout and the page render side by side, each re-reading the signed-in account.
    const layout = (async () => {
      const [u] = await q(sql, USER_BY_ID, [resellerId]);
      // The header's credit balance alone (resellerCreditBalance), by primary key.
      const [profile] = await q(sql, `select "credit_balance" from "resellers" where "resellers"."id" = $1`, [resellerId]);
      return { user: u, profile };
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

  return { listClients, getClient, clientsPage };
}
