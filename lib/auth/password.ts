import { hash, verify } from '@node-rs/argon2';
import { logError } from '@/lib/log';

// argon2id (algorithm 2), OWASP's second recommended profile: 19 MiB, 2 passes.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, OPTIONS);
}

export async function verifyPassword(stored: string, plain: string): Promise<boolean> {
  try {
    return await verify(stored, plain);
  } catch (err) {
    // A malformed stored hash is a refusal, not a crash; say so for the operator.
    logError('password verify failed on a malformed hash', err);
    return false;
  }
}

// A hash of a random password, verified against when the email is unknown, so that timing
// does not reveal which emails exist.
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(`not-a-real-password-${Math.random()}`);
  return dummy;
}
