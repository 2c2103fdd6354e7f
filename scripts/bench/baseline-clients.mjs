// The baseline's client reads: the list (API and page) with its views, and the server-rendered page.
import {
  ACCOUNT_READ,
  CLIENT_COLUMNS,
  CLIENT_LIST_COLUMNS,
  CLIENT_LIST_NAMES,
  CLIENT_VIEWS,
  DEFAULT_SETTINGS,
  httpError,
  pgArray,
  q,
  RESELLER_CATALOG,
  SEARCH,
  SETTINGS,
} from './baseline-sql.mjs';

// The browser session the baseline's page stands for (the app checks that its id was not revoked).
const PAGE_SID = '00000000-0000-4000-8000-000000000000';

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

  // An empty page reads nothing more; otherwise the settings (unless the caller read them) and then one
  // statement: per row its current subscription, paid-until, reseller name and both usage counters.
  async function toViews(db, rows, now, known) {
    if (!rows.length) return [];
    const settings = known ?? (await getSettings(db));
    const at = now.toISOString();
    const extras = await q(db, CLIENT_VIEWS, [
      at,
      settings.time_zone,
      settings.time_zone,
      pgArray(rows.map((r) => r.id)),
      pgArray(rows.map((r) => r.reseller_id)),
      pgArray(rows.map((r) => r.created_at.toISOString())),
      at,
      at,
    ]);
    const byId = new Map(extras.map((e) => [Number(e.id), e]));
    return rows.map((r) => {
      const e = byId.get(r.id);
      const sub =
        e?.package_code != null
          ? {
              package_code: e.package_code,
              package_name: e.package_name,
              starts_at: new Date(Number(e.starts_at)),
              ends_at: new Date(Number(e.ends_at)),
              daily_limit: Number(e.daily_limit),
              period_limit: Number(e.period_limit),
              device_limit: Number(e.device_limit),
            }
          : undefined;
      const paidUntil = e?.paid_until == null ? null : new Date(Number(e.paid_until));
      const used = { today: Number(e?.today ?? 0), period: Number(e?.period ?? 0) };
      return clientView({ ...r, reseller_name: e?.reseller_name ?? '', paid_until: paidUntil }, sub, used, settings, now);
    });
  }

  // The rows, the total and the settings side by side (a page render passes the settings it already reads),
  // then the rows' views.
  async function listClients(db, resellerId, { page = 1, limit = 20, search }, now = new Date(), settingsRead) {
    let rowsP;
    let countP;
    const offset = (page - 1) * limit;
    const tail = (n) => `order by "clients"."created_at" desc, "clients"."id" desc limit $${n}${offset ? ` offset $${n + 1}` : ''}`;
    if (search) {
      const p = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      rowsP = q(db, `${CLIENT_LIST_COLUMNS} where ("clients"."reseller_id" = $1 and ${SEARCH}) ${tail(6)}`, [
        resellerId,
        p,
        p,
        p,
        p,
        limit,
        ...(offset ? [offset] : []),
      ]).values();
      countP = q(
        db,
        `select count(*) from "clients" inner join "users" on "users"."id" = "clients"."id" where ("clients"."reseller_id" = $1 and ${SEARCH})`,
        [resellerId, p, p, p, p],
      );
    } else {
      rowsP = q(db, `${CLIENT_LIST_COLUMNS} where "clients"."reseller_id" = $1 ${tail(2)}`, [
        resellerId,
        limit,
        ...(offset ? [offset] : []),
      ]).values();
      // Without a filter on the users, the total counts the clients alone.
      countP = q(db, `select count(*) from "clients" where "clients"."reseller_id" = $1`, [resellerId]);
    }
    const [values, [{ count }], settings] = await Promise.all([rowsP, countP, settingsRead ?? getSettings(db)]);
    const rows = values.map((v) => Object.fromEntries(CLIENT_LIST_NAMES.map((k, i) => [k, v[i]])));
    const total = Number(count);
    const last = rows[rows.length - 1];
    return {
      data: await toViews(db, rows, now, settings),
      pagination: {
        page,
        limit,
        total,
        pages: Math.ceil(total / limit),
        next_cursor: rows.length === limit && last ? Buffer.from(JSON.stringify([last.sort_key, last.id])).toString('base64url') : null,
      },
    };
  }

  async function getClient(db, resellerId, id, now) {
    const rows = await q(db, `${CLIENT_COLUMNS} where ("clients"."id" = $1 and "clients"."reseller_id" = $2)`, [id, resellerId]);
    if (!rows.length) throw httpError(404, 'not_found', 'Client not found.');
    return (await toViews(db, rows, now))[0];
  }

  // The price list: the reseller's partner type with the active packages and its display names for them.
  async function resellerCatalog(resellerId) {
    const rows = await q(sql, RESELLER_CATALOG, [true, resellerId]);
    if (!rows.length) throw httpError(404, 'not_found', 'Reseller not found.');
    const own = rows[0].partner_type === 'own_plans';
    return rows.filter((p) => p.id !== null).map((p) => ({ code: p.code, name: (own && p.display_name) || p.name }));
  }

  async function clientsPage(resellerId, page) {
    const now = new Date();
    // The render reads the account once (the layout's and the page's guard share it) beside the settings
    // (the root layout, the portal layout and the list share them too).
    const accountP = q(sql, ACCOUNT_READ, [PAGE_SID, resellerId]).then(([a]) => {
      if (!a || a.exists || a.status !== 'active' || a.role !== 'reseller') throw httpError(401, 'unauthorized', 'Not signed in.');
      return a;
    });
    const settingsP = getSettings(sql);
    const layout = (async () => {
      const [account, settings] = await Promise.all([accountP, settingsP]);
      return { account, settings };
    })();
    const body = (async () => {
      await accountP;
      const [result, catalog] = await Promise.all([listClients(sql, resellerId, { page }, now, settingsP), resellerCatalog(resellerId)]);
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
    return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Clients</title></head><body><header>Reseller · ${esc(l.account.name)} · Credit ${Number(l.account.credit_balance ?? 0).toLocaleString('en-US')} MMK</header><nav><a href="/reseller">Overview</a> <a href="/reseller/clients">Clients</a> <a href="/reseller/credit">Credit</a></nav><main><h1>Clients</h1><form action="/reseller/clients"><input name="search"></form><table><thead><tr><th>Client</th><th>Phone</th><th>Status</th><th>Package</th><th>Expires</th><th>Today</th></tr></thead><tbody>${rows}</tbody></table><p>Page ${result.pagination.page} of ${result.pagination.pages} (${result.pagination.total} clients)</p></main></body></html>`;
  }

  return { listClients, getClient, clientsPage };
}
