// What the scenarios need before they run: the page's signed-in session and the resets that give every side
// the same starting state.
import { POOLS } from './lib.mjs';
import { request } from './load.mjs';

// ---- sign-in for the server-rendered page (Auth.js credentials, as a browser does it) ----

function cookiesFrom(headers, jar) {
  for (const c of [headers['set-cookie'] ?? []].flat()) {
    const [pair] = c.split(';');
    const i = pair.indexOf('=');
    jar.set(pair.slice(0, i).trim(), pair.slice(i + 1));
  }
  return jar;
}
const cookieHeader = (jar) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
export async function signIn(url, email, password) {
  const jar = new Map();
  const csrf = await request(url, { path: '/api/auth/csrf' });
  cookiesFrom(csrf.headers, jar);
  const { csrfToken } = JSON.parse(csrf.body);
  const form = new URLSearchParams({ csrfToken, email, password, callbackUrl: `${url}/reseller` }).toString();
  const res = await request(url, {
    method: 'POST',
    path: '/api/auth/callback/credentials',
    body: form,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
  });
  cookiesFrom(res.headers, jar);
  if (![...jar.keys()].some((k) => k.includes('session-token')))
    throw new Error(`sign-in as ${email} failed: ${res.status} ${res.headers.location ?? ''}`);
  const page = await request(url, { path: '/reseller/clients', headers: { cookie: cookieHeader(jar) } });
  if (page.status !== 200 || !page.body.includes('Clients')) throw new Error(`the signed-in clients page answered ${page.status}`);
  return cookieHeader(jar);
}

// ---- resets: each write scenario starts from the same state on every side ----

async function ensureActivationCredit(sql, resellerId, need) {
  const [r] = await sql`select credit_balance::bigint as b from resellers where id = ${resellerId}`;
  if (Number(r.b) >= need) return;
  // A top-up through the ledger, as the app books one: balance and ledger move together.
  await sql.begin(async (tx) => {
    const amount = 1_000_000_000_000;
    const [u] =
      await tx`update resellers set credit_balance = credit_balance + ${amount} where id = ${resellerId} returning credit_balance::bigint as b`;
    await tx`insert into ledger_entries (account, account_id, reseller_id, kind, amount, balance_after, method, reference, note)
      values ('reseller_credit', ${resellerId}, ${resellerId}, 'topup', ${amount}, ${u.b}, 'bank_transfer', 'BENCH-TOPUP', 'Benchmark top-up')`;
  });
}
export function resets(sql, m) {
  const [actLo, actHi] = m.pools.act;
  const [sendLo, sendHi] = m.pools.send;
  const [pullLo, pullHi] = m.pools.pull;
  return {
    // Cancel the bench's own activations, so every request is again a first ("new") activation.
    activate: async () => {
      await sql`update subscriptions set canceled_at = now() where client_id between ${actLo} and ${actHi} and canceled_at is null`;
      await ensureActivationCredit(sql, m.resellers.act, 10 * 50_000 * POOLS.act);
    },
    // The send clients start each run with no SMS of their own.
    send: async () => {
      await sql`delete from campaigns where client_id between ${sendLo} and ${sendHi}`;
      await sql`delete from message_recipients where message_id in (select id from messages where client_id between ${sendLo} and ${sendHi})`;
      await sql`delete from messages where client_id between ${sendLo} and ${sendHi}`;
      await sql`delete from usage_counters where client_id between ${sendLo} and ${sendHi}`;
    },
    // Every pull device again has its queue of pending SMS and has not been seen.
    pull: async () => {
      // Statistics as a live system has them, with phones' claims in flight: analysed while the pool is claimed
      // by its phones. Analysed right after the reset (no 'processing' row anywhere), the planner reads a phone's
      // re-offered claims through the sweep's partial index on claimed_at, i.e. every claim of the month made
      // since: 0.1 ms per pull at the start, 20+ ms by 20,000 claims, where messages_claimed_by_idx stays at 0.1.
      await sql`update messages m set state = 'processing', claimed_by = d.id, claimed_at = now() from devices d
        where d.client_id = m.client_id and m.client_id between ${pullLo} and ${pullHi} and d.client_id between ${pullLo} and ${pullHi}`;
      const parts = await sql`select distinct tableoid::regclass::text as t from messages where client_id between ${pullLo} and ${pullHi}`;
      for (const { t } of parts) await sql.unsafe(`analyze ${t}`);
      await sql`update messages set state = 'pending', claimed_by = null, claimed_at = null, valid_until = now() + interval '1 day',
          states = jsonb_build_object('pending', to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')), updated_at = created_at
        where client_id between ${pullLo} and ${pullHi} and state <> 'pending'`;
      await sql`update message_recipients r set state = 'pending' from messages m
        where m.id = r.message_id and m.created_at = r.created_at and m.client_id between ${pullLo} and ${pullHi} and r.state <> 'pending'`;
      await sql`update devices set last_seen_at = null where client_id between ${pullLo} and ${pullHi}`;
    },
  };
}
