import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import { DomainError } from '@/lib/errors';
import { logError } from '@/lib/log';

// argon2id (algorithm 2), OWASP's second recommended profile: 19 MiB, 2 passes.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

// At most this many hashes or verifications run at once (ARGON2_CONCURRENCY, default half the cores), so a
// spray of sign-ins or gateway logins leaves the other cores to signed-in users; a few more wait their turn,
// and past that a verification is refused (429) rather than queued without end (docs/ARCHITECTURE.md#sign-in).
const MAX_ACTIVE = (() => {
  const v = Number(process.env.ARGON2_CONCURRENCY);
  return Number.isInteger(v) && v > 0 ? v : Math.max(1, Math.floor(availableParallelism() / 2));
})();
const MAX_WAITING = 32;
const stats = { active: 0, maxActive: 0, total: 0, refused: 0 };
const waiting: (() => void)[] = [];

/** How busy the password hashing is (tests and the bench read it). */
export const argon2Stats = () => ({ ...stats, waiting: waiting.length, limit: MAX_ACTIVE });

async function inTurn<T>(work: () => Promise<T>, refuse: boolean): Promise<T> {
  if (stats.active >= MAX_ACTIVE) {
    if (refuse && waiting.length >= MAX_WAITING) {
      stats.refused++;
      // Late, like every refused sign-in (lib/http/login-limits.ts): a spray cannot loop on it.
      await new Promise((r) => setTimeout(r, 1_000));
      throw new DomainError('rate_limited', 'Too many sign-ins at once. Try again in 1 s.', { retry_after: 1, limit: MAX_ACTIVE });
    }
    // The finishing holder hands its slot straight to the first in line (active stays the same).
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else stats.active++;
  stats.maxActive = Math.max(stats.maxActive, stats.active);
  stats.total++;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else stats.active--;
  }
}

// Hashing happens for signed-in staff (new accounts, password changes): it waits its turn, never refused.
export function hashPassword(plain: string): Promise<string> {
  return inTurn(() => hash(plain, OPTIONS), false);
}

export async function verifyPassword(stored: string, plain: string): Promise<boolean> {
  return inTurn(async () => {
    try {
      return await verify(stored, plain);
    } catch (err) {
      // A malformed stored hash is a refusal, not a crash; say so for the operator.
      logError('password verify failed on a malformed hash', err);
      return false;
    }
  }, true);
}

// A hash of a random password, verified against when the email is unknown, so that timing
// does not reveal which emails exist.
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(`not-a-real-password-${Math.random()}`);
  return dummy;
}
