// First-run setup: the first admin is created once, only while no admin exists.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type DbHandle, migrateDatabase, openDatabase } from '@/db';
import { users } from '@/db/schema';
import { verifyCredentials } from '@/lib/services/auth';
import { createFirstAdmin, ensureAdminFromEnv, hasAdmin } from '@/lib/services/seed';
import { domainError } from './helpers/errors';

// Always a fresh embedded database: "no admin yet" cannot be arranged on the run's shared PostgreSQL.
let h: DbHandle;
beforeAll(async () => {
  h = await openDatabase({ dataDir: 'memory://' });
  await migrateDatabase(h);
});
afterAll(async () => {
  await h.close();
});

test('the first admin is created once; a second attempt is refused and changes nothing', async () => {
  expect(await hasAdmin(h.db)).toBe(false);
  const id = await createFirstAdmin(h.db, { name: 'Owner', email: 'Owner@Example.com', password: 'owner-pass-1' }, '127.0.0.1');
  expect(await hasAdmin(h.db)).toBe(true);
  const user = await verifyCredentials(h.db, { email: 'owner@example.com', password: 'owner-pass-1' }, 'admin');
  expect(user.id).toBe(id);

  const err = await domainError(createFirstAdmin(h.db, { name: 'Intruder', email: 'x@example.com', password: 'intruder-1' }, null));
  expect(err.code).toBe('conflict');
  const [{ n }] = await h.db.select({ n: count() }).from(users).where(eq(users.role, 'admin'));
  expect(n).toBe(1);
  // ADMIN_EMAIL does nothing once an admin exists.
  expect(await ensureAdminFromEnv(h.db, 'env@example.com', 'env-pass-12')).toBe(false);
});
