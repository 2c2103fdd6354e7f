// The scenarios of run.mjs: for each, the request to our server and to the node:http baseline, and the pgbench
// scripts of our SQL and of the limit SQL (or a custom runner for bulk, growth and campaign).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PULL_LIMIT } from './baseline-sql.mjs';
import { CAMPAIGN_SIZE, runCampaign } from './campaign-scenario.mjs';
import { POOLS, ROOT, SEARCH_TERMS, SEND_TEXT, TOKENS } from './lib.mjs';
import { fill, pageFacts, sqlLiteral } from './pgbench.mjs';
import { runBulk, runGrowth } from './usage-scenarios.mjs';

// ---- the scenarios ----

function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export async function buildScenarios(sql, m, ctx) {
  const listId = m.resellers.list;
  const actId = m.resellers.act;
  const [actLo] = m.pools.act;
  const [sendLo, sendHi] = m.pools.send;
  const pages = Math.ceil(m.list_clients / 20);
  const [{ id: pkgId }] = await sql`select id from packages where code = 'starter_pro'`;
  const tpl = (f) => readFileSync(path.join(ROOT, 'scripts', 'bench', 'pgbench', f), 'utf8');
  const ours = (token) => ({ authorization: `Bearer ${token}` });
  const base = (actor) => ({ authorization: `Bearer ${ctx.baselineToken}`, 'x-actor': String(actor) });
  const sendClients = sendHi - sendLo + 1;
  // The same pseudo-random sequence of pages and terms for both servers.
  const pageOf = (i) => 1 + Math.floor(prng(1000 + i)() * pages);
  const termOf = (i) => SEARCH_TERMS[Math.floor(prng(2000 + i)() * SEARCH_TERMS.length)];
  const listPageScripts = async (template, count) => {
    const step = Math.max(1, Math.floor(pages / count));
    const out = [];
    for (let p = 1; p <= pages && out.length < count; p += step) out.push(fill(template, await pageFacts(sql, listId, { page: p })));
    return out;
  };
  return {
    list: {
      title: 'GET /api/reseller/clients?page=N',
      what: `a random page (1-${pages}) of the biggest reseller's ${m.list_clients.toLocaleString('en-US')} clients, 20 a page`,
      ours: (i) => ({ path: `/api/reseller/clients?page=${pageOf(i)}`, headers: ours(TOKENS.list) }),
      baseline: (i) => ({ path: `/api/reseller/clients?page=${pageOf(i)}`, headers: base(listId) }),
      pgbench: async () => ({ scripts: await listPageScripts(tpl('list.sql'), 64), vars: { rid: listId } }),
      limit: async () => ({ scripts: await listPageScripts(tpl('limit-list.sql'), 64), vars: { rid: listId } }),
    },
    search: {
      title: 'GET /api/reseller/clients?search=…',
      what: `one of ${SEARCH_TERMS.length} searches (names, an email domain, a phone prefix, one with no match) over the same reseller's clients`,
      ours: (i) => ({ path: `/api/reseller/clients?search=${encodeURIComponent(termOf(i))}`, headers: ours(TOKENS.list) }),
      baseline: (i) => ({ path: `/api/reseller/clients?search=${encodeURIComponent(termOf(i))}`, headers: base(listId) }),
      pgbench: async () => ({
        scripts: await Promise.all(SEARCH_TERMS.map(async (t) => fill(tpl('list.sql'), await pageFacts(sql, listId, { search: t })))),
        vars: { rid: listId },
      }),
      limit: async () => ({
        scripts: await Promise.all(SEARCH_TERMS.map(async (t) => fill(tpl('limit-list.sql'), await pageFacts(sql, listId, { search: t })))),
        vars: { rid: listId },
      }),
    },
    activate: {
      title: 'POST /api/reseller/clients/{id}/activate',
      what: 'a first Starter Pro activation of a different expired-trial client per request, all of one reseller (its balance row is locked by each)',
      ours: (i) => ({
        method: 'POST',
        path: `/api/reseller/clients/${actLo + i}/activate`,
        headers: ours(TOKENS.act),
        body: { package_type: 'starter_pro' },
      }),
      baseline: (i) => ({
        method: 'POST',
        path: `/api/reseller/clients/${actLo + i}/activate`,
        headers: base(actId),
        body: { package_type: 'starter_pro' },
      }),
      pgbench: async () => ({ scripts: [tpl('activate.sql')], vars: { it: 0, rid: actId, lo: actLo, nc: ctx.concurrency, pkg: pkgId } }),
      limit: async () => ({ scripts: [tpl('limit-activate.sql')], vars: { it: 0, rid: actId, lo: actLo, nc: ctx.concurrency } }),
      expect: (s) => s === 201,
    },
    send: {
      title: 'POST /api/v1/sms/send',
      what: `one SMS to one number, from ${sendClients} clients in turn (each send locks its client row)`,
      ours: (i) => ({
        method: 'POST',
        path: '/api/v1/sms/send',
        headers: ours(TOKENS.send(i % sendClients)),
        body: { phone: `+9594${String(i).padStart(8, '0')}`, message: SEND_TEXT },
      }),
      baseline: (i) => ({
        method: 'POST',
        path: '/api/v1/sms/send',
        headers: base(sendLo + (i % sendClients)),
        body: { phone: `+9594${String(i).padStart(8, '0')}`, message: SEND_TEXT },
      }),
      pgbench: async () => ({
        scripts: [fill(tpl('send.sql'), { text: sqlLiteral(SEND_TEXT).slice(1, -1) })],
        vars: { lo: sendLo, hi: sendHi },
      }),
      limit: async () => ({
        scripts: [fill(tpl('limit-send.sql'), { text: sqlLiteral(SEND_TEXT).slice(1, -1) })],
        vars: { lo: sendLo, hi: sendHi },
      }),
      expect: (s) => s === 202,
    },
    pull: {
      title: 'GET /api/mobile/v1/message (device pull)',
      what: `a different phone per request claims its ${POOLS.pullQueue} pending SMS and gets them back`,
      ours: (i) => ({ path: '/api/mobile/v1/message', headers: { authorization: `Bearer ${TOKENS.pull(i + 1)}` } }),
      baseline: (i) => ({ path: '/api/mobile/v1/message', headers: { authorization: `Bearer ${TOKENS.pull(i + 1)}` } }),
      pgbench: async () => ({
        scripts: [fill(tpl('pull.sql'), { token_prefix: TOKENS.pullPrefix })],
        vars: { it: 0, nc: ctx.concurrency, lim: PULL_LIMIT },
      }),
      limit: async () => ({
        scripts: [fill(tpl('limit-pull.sql'), { token_prefix: TOKENS.pullPrefix })],
        vars: { it: 0, nc: ctx.concurrency, lim: PULL_LIMIT },
      }),
    },
    page: {
      title: 'GET /reseller/clients (page, server render)',
      what: "the signed-in reseller's clients page (a random page of the same list): layout, session checks, list, price list, HTML",
      ours: (i) => ({ path: `/reseller/clients${pageOf(i) > 1 ? `?page=${pageOf(i)}` : ''}`, headers: { cookie: ctx.cookie } }),
      baseline: (i) => ({ path: `/reseller/clients${pageOf(i) > 1 ? `?page=${pageOf(i)}` : ''}`, headers: base(listId) }),
      pgbench: async () => ({ scripts: await listPageScripts(tpl('page.sql'), 64), vars: { rid: listId } }),
      limit: async () => ({ scripts: await listPageScripts(tpl('limit-page.sql'), 64), vars: { rid: listId } }),
    },
    bulk: {
      title: 'POST /api/v1/sms/send (bulk, 1,000 recipients), recipients/s',
      what: `1,000 numbers a request from ${sendClients} clients in turn; the limit is pgbench inserting the same rows`,
      custom: (run) =>
        runBulk({
          ...run,
          sendLo,
          sendHi,
          token: TOKENS.send,
          baseHeaders: base,
          text: SEND_TEXT,
          reset: ctx.reset.send,
        }),
    },
    growth: {
      title: 'POST /api/v1/sms/send, one client at 0 and at 15,000 SMS in its period',
      what: 'the same client sends single SMS with an empty period, then with 15,000 SMS already counted in it',
      custom: (run) =>
        runGrowth({ ...run, sql, clientId: sendHi, token: TOKENS.send(sendHi - sendLo), text: SEND_TEXT, resetClient: ctx.reset.send }),
    },
    campaign: {
      title: `POST /api/v1/campaigns (a group of ${CAMPAIGN_SIZE.toLocaleString('en-US')}, sent now), recipients/s`,
      what: `a campaign with a merge field to a group of ${CAMPAIGN_SIZE.toLocaleString('en-US')} contacts, from ${Math.min(ctx.concurrency, sendClients)} send clients in turn; the limit is pgbench inserting the same rows`,
      custom: (run) => runCampaign({ ...run, sql, sendLo, sendHi, token: TOKENS.send, reset: ctx.reset.send }),
    },
  };
}
