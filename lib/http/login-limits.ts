// Sign-in throttling (docs/ARCHITECTURE.md#sign-in), shared by the API logins and the portal's Auth.js
// sign-in. Failures count, successes do not (many people sign in from one carrier-grade NAT or office
// address). Checked before any password is hashed:
// - per address: LOGIN_RATE_LIMIT (10) failed sign-ins per 15 minutes, then refused unchecked;
// - per (email, address): the same, so guessing one account from one place is locked there only;
// - per email: after LOGIN_RATE_LIMIT failures from anywhere, an address the account has not signed in from
//   gets one attempt per 30 s (slowed, not locked: the owner at a known address still gets in).
// An attempt is counted as a failure up front and given back when it was not a wrong password, so parallel
// guesses cannot all slip past the check.
import 'server-only';
import type { Db } from '@/db';
import { DomainError } from '@/lib/errors';
import { ipKey } from './client-ip';
import { addToBucket, assertNotBlocked, bucketCount, hitRateLimit, ipBucket } from './rate-limit';

export const LOGIN_WINDOW_MS = 15 * 60_000;
/** After the per-email limit, one attempt per this long from an address the account has not used. */
export const SLOWDOWN_MS = 30_000;
/** A sign-in refused unchecked is answered after this long (a tarpit for sprays). */
export const REFUSAL_DELAY_MS = 1_000;
/** How long a successful sign-in makes its address "known" for that account. */
const KNOWN_MS = 30 * 86_400_000;
/** Counters that only record (never refuse); the column is a PostgreSQL integer. */
const NO_LIMIT = 2_000_000_000;

/** Failed sign-ins per 15 minutes per address (and per email + address); read per request. */
export const loginLimit = () => {
  const v = Number(process.env.LOGIN_RATE_LIMIT);
  return Number.isInteger(v) && v > 0 ? v : 10;
};

/** The buckets of one sign-in attempt (exported for the admin view and tests). */
export function loginBuckets(email: string, ip: string | null) {
  const e = email.trim().toLowerCase();
  const where = ip ? ipKey(ip) : 'unknown';
  return {
    ip: ip ? ipBucket('login', ip) : null,
    pair: `login:pair:${e}:${where}`,
    email: `login:email:${e}`,
    slow: `login:slow:${e}`,
    known: ip ? `login:known:${e}:${where}` : null,
  };
}

const isWrongPassword = (err: unknown) => err instanceof DomainError && err.code === 'invalid_credentials';

/**
 * Runs `verify` (the password check) for this email from this address, unless the limits above refuse it
 * first (429 rate_limited with retry_after, without hashing anything).
 */
export async function guardedSignIn<T>(db: Db, email: string, ip: string | null, verify: () => Promise<T>, now = new Date()): Promise<T> {
  const limit = loginLimit();
  const b = loginBuckets(email, ip);
  try {
    if (b.ip) assertNotBlocked(b.ip, limit, now);
    assertNotBlocked(b.pair, limit, now);
  } catch (err) {
    // A refusal costs us next to nothing; answering it late makes a spray from one address slow too, so a
    // tight loop of refused attempts cannot eat the CPU that signed-in users need.
    await new Promise((r) => setTimeout(r, REFUSAL_DELAY_MS));
    throw err;
  }
  const reserved: string[] = [];
  const giveBack = async () => {
    for (const bucket of reserved) await addToBucket(db, bucket, -1, limit, LOGIN_WINDOW_MS, now);
  };
  try {
    for (const bucket of [b.ip, b.pair]) {
      if (!bucket) continue;
      await hitRateLimit(db, bucket, limit, LOGIN_WINDOW_MS, now);
      reserved.push(bucket);
    }
    const known = b.known !== null && (await bucketCount(db, b.known, KNOWN_MS, now)) > 0;
    if (!known && (await bucketCount(db, b.email, LOGIN_WINDOW_MS, now)) >= limit) await hitRateLimit(db, b.slow, 1, SLOWDOWN_MS, now);
  } catch (err) {
    await giveBack();
    throw err;
  }
  let result: T;
  try {
    result = await verify();
  } catch (err) {
    // A wrong password keeps its reservations and counts against the email; anything else is given back.
    if (isWrongPassword(err)) await addToBucket(db, b.email, 1, NO_LIMIT, LOGIN_WINDOW_MS, now);
    else await giveBack();
    throw err;
  }
  await giveBack();
  if (b.known) await addToBucket(db, b.known, 1, NO_LIMIT, KNOWN_MS, now);
  return result;
}
