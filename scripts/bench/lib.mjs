// Shared settings of the benchmark (npm run bench / npm run bench:seed): the bench database, the data
// scale, the dedicated bench accounts and their tokens, and the loopback guard.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const BENCH_DB_URL = process.env.BENCH_DATABASE_URL || 'postgres://root@127.0.0.1:5432/sms_bench';

/** The benchmarked requests, in the order they run (run.mjs describes each). */
export const SCENARIO_NAMES = ['list', 'search', 'activate', 'send', 'pull', 'page', 'bulk', 'growth', 'campaign'];

/** Bump when the generated data changes shape: a database seeded by another version is re-seeded. */
export const SEED_VERSION = 5;

/**
 * The message history's size: 1,000,000 unless BENCH_MESSAGES says otherwise (docs/scaling.md measures 10M
 * on a database of its own: `BENCH_DATABASE_URL=…/sms_bench_10m BENCH_MESSAGES=10000000 npm run bench:seed`).
 * The marker records it, so a database seeded at another count is not taken for this one.
 */
export function messageCount(env = process.env.BENCH_MESSAGES) {
  if (env === undefined || env === '') return 1_000_000;
  const n = Number(env.replace(/_/g, ''));
  // The history's ids are 'h' + the 8-digit row number (seed-traffic.mjs).
  if (!Number.isInteger(n) || n < 1 || n > 99_999_999)
    throw new Error(`BENCH_MESSAGES must be a whole number from 1 to 99,999,999, got ${env}`);
  return n;
}

/** Totals in the database after seeding (the demo seed's 2 resellers and 5 clients included). */
export const SCALE = { resellers: 1_000, clients: 100_000, messages: messageCount() };

/** Every generated user signs in with this password (one argon2 hash shared by all rows). */
export const BENCH_PASSWORD = 'bench-pass-1';

export const BENCH_LOGINS = {
  list: 'bench-list@bench.example', // the biggest reseller: list, search and the clients page
  act: 'bench-act@bench.example', // activation pool owner, credit for millions of activations
  ops: 'bench-ops@bench.example', // owner of the send and pull clients
};

/** Dedicated pools inside the 100,000 clients (generation index ranges, 1-based). */
export const POOLS = {
  act: 5_000, // expired trials the activation scenario activates, one per request
  send: 50, // clients on an unlimited bench package that send SMS
  pull: 3_000, // clients with one phone each and a queue of pending SMS
  pullQueue: 10, // pending SMS per pull device, re-primed before each pull run
};

export const TOKENS = {
  list: 'rk_bench_list_reseller_token_0001',
  act: 'rk_bench_act_reseller_token_0001',
  send: (i) => `ck_bench_send_client_token_${String(i).padStart(4, '0')}`,
  pullPrefix: 'dv_bench_pull_device_token_',
  pull: (i) => `dv_bench_pull_device_token_${String(i).padStart(5, '0')}`,
};

export const SEND_TEXT = 'Your verification code is 482913. It expires in 10 minutes. (bench)';

/** Search terms of the search scenario: names, an email domain, a phone prefix and one that finds nothing. */
export const SEARCH_TERMS = ['aung', 'thida', 'kyaw', 'myint', 'zaw win', 'gmail', 'mail.com.mm', '+95942', 'trading', 'no-such-client'];

const LOOPBACK_HOSTS = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\]|::1)$/i;

/** The benchmark only ever talks to this machine: refuse any other host. */
export function assertLoopback(url, what) {
  const u = new URL(url);
  if (!LOOPBACK_HOSTS.test(u.hostname)) throw new Error(`${what} must be on loopback (127.0.0.1, localhost or ::1), got ${u.hostname}`);
  return u;
}

export function dbName(url) {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
}

export function withDb(url, name) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

export const fmtSecs = (ms) => `${(ms / 1000).toFixed(1)} s`;
