import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { clients } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { DomainError } from '@/lib/errors';
import type { ClicksendCreateAccount, ClicksendUpdateAccount } from '@/lib/validation/clicksend';
import { type ClientView, createClient, getClient, listClients, updateClient } from './clients';
import { getSettings } from './settings';
import { transferCredit } from './transfers';

// The ClickSend-compatible reseller API maps ClickSend's "accounts" onto our clients, through the same
// services as the reseller API: user_id is our client id, balance is the client's own credit balance.

const CURRENCY = { currency_name_short: 'MMK', currency_prefix_d: 'K', currency_prefix_c: '', currency_name_long: 'Myanmar Kyat' };

const decimals = (n: number) => n.toFixed(6);

function splitName(name: string): [string, string] {
  const i = name.indexOf(' ');
  return i < 0 ? [name, ''] : [name.slice(0, i), name.slice(i + 1)];
}

export function clicksendAccount(c: ClientView, username: string | null) {
  const [first, last] = splitName(c.name);
  return {
    user_id: c.id,
    username: username ?? c.email,
    user_email: c.email,
    active: c.status === 'trial' || c.status === 'active' ? 1 : 0,
    banned: c.status === 'suspended' ? 1 : 0,
    balance: decimals(c.credit_balance),
    user_phone: c.phone,
    user_first_name: first,
    user_last_name: last,
    account_name: c.account_name,
    account_billing_email: c.email,
    account_billing_mobile: c.phone,
    country: c.country,
    default_country_sms: c.country,
    timezone: c.time_zone,
    balance_commission: decimals(0),
    _currency: CURRENCY,
    // Ours, beyond ClickSend's fields: the SMS package side of the account.
    status: c.status,
    trial_ends_at: c.trial_ends_at,
    package: c.package,
    usage: c.usage,
  };
}

async function usernames(db: Db, ids: number[]): Promise<Map<number, string | null>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: clients.id, u: clients.username }).from(clients).where(inArray(clients.id, ids));
  return new Map(rows.map((r) => [r.id, r.u]));
}

export async function clicksendList(db: Db, actor: Actor, q: { page: number; limit: number }, baseUrl: string) {
  const page = await listClients(db, actor, { page: q.page, limit: q.limit });
  const names = await usernames(
    db,
    page.data.map((c) => c.id),
  );
  const { total, pages } = page.pagination;
  // An empty page (none at all, or past the last one) has no first item: null, like Laravel's paginator.
  const from = page.data.length === 0 ? null : (q.page - 1) * q.limit + 1;
  const link = (p: number) => `${baseUrl}?page=${p}&limit=${q.limit}`;
  return {
    total,
    per_page: q.limit,
    current_page: q.page,
    last_page: Math.max(1, pages),
    next_page_url: q.page < pages ? link(q.page + 1) : null,
    prev_page_url: q.page > 1 ? link(q.page - 1) : null,
    from,
    to: from === null ? null : from + page.data.length - 1,
    data: page.data.map((c) => clicksendAccount(c, names.get(c.id) ?? null)),
  };
}

export async function clicksendGet(db: Db, actor: Actor, id: number) {
  const c = await getClient(db, actor, id);
  return clicksendAccount(c, (await usernames(db, [id])).get(id) ?? null);
}

export async function clicksendCreate(db: Db, actor: Actor, a: ClicksendCreateAccount) {
  const settings = await getSettings(db);
  const c = await createClient(db, actor, {
    name: `${a.user_first_name} ${a.user_last_name}`.trim(),
    email: a.user_email,
    password: a.password,
    phone: a.user_phone,
    account_name: a.account_name,
    country: /^[A-Za-z]{2}$/.test(a.country) ? a.country.toUpperCase() : undefined,
    time_zone: settings.time_zone,
  });
  await db
    .update(clients)
    .set({ username: a.username, ...(/^[A-Za-z]{2}$/.test(a.country) ? {} : { country: a.country }) })
    .where(eq(clients.id, c.id));
  return clicksendGet(db, actor, c.id);
}

/** Partial update: only the fields sent change. */
export async function clicksendUpdate(db: Db, actor: Actor, id: number, a: ClicksendUpdateAccount) {
  const current = await getClient(db, actor, id);
  const [first, last] = splitName(current.name);
  const nameChanged = a.user_first_name !== undefined || a.user_last_name !== undefined;
  await updateClient(db, actor, id, {
    ...(nameChanged ? { name: `${a.user_first_name ?? first} ${a.user_last_name ?? last}`.trim() } : {}),
    ...(a.user_email !== undefined ? { email: a.user_email } : {}),
    ...(a.password !== undefined ? { password: a.password } : {}),
    ...(a.user_phone !== undefined ? { phone: a.user_phone } : {}),
    ...(a.account_name !== undefined ? { account_name: a.account_name } : {}),
    ...(a.country !== undefined && /^[A-Za-z]{2}$/.test(a.country) ? { country: a.country } : {}),
  });
  if (a.username !== undefined || (a.country !== undefined && !/^[A-Za-z]{2}$/.test(a.country))) {
    await db
      .update(clients)
      .set({
        ...(a.username !== undefined ? { username: a.username } : {}),
        ...(a.country !== undefined && !/^[A-Za-z]{2}$/.test(a.country) ? { country: a.country } : {}),
      })
      .where(eq(clients.id, id));
  }
  return clicksendGet(db, actor, id);
}

/** ClickSend's transfer-credit: only the platform currency moves (a `currency` of another kind is refused). */
export async function clicksendTransfer(db: Db, actor: Actor, clientId: number, amount: number, currency?: string) {
  const platform = (await getSettings(db)).currency;
  if (currency && currency.toUpperCase() !== platform) {
    throw new DomainError('validation_failed', `Only ${platform} can be transferred.`, {
      fields: { currency: [`Only ${platform} can be transferred.`] },
    });
  }
  const r = await transferCredit(db, actor, clientId, amount, 'ClickSend API transfer-credit');
  return {
    user_id: clientId,
    balance: decimals(r.client_credit_balance),
    amount: decimals(amount),
    reseller_balance: decimals(r.credit_balance),
    currency: CURRENCY.currency_name_short,
  };
}
