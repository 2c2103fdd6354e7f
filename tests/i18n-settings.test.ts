// Where the language choices are stored: a person's own language and digits, a reseller's default for its
// clients' portal, the platform default (docs/i18n.md).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db';
import { resellers, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { resellerClientLanguage, setResellerClientLanguage, setUserLanguage } from '@/lib/services/language';
import { updateSettingsInput } from '@/lib/validation/settings';
import { openTestDb } from './helpers/db';
import { domainError } from './helpers/errors';
import { makeAdmin, makeClient, makeReseller } from './helpers/fixtures';

let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await openTestDb();
  admin = await makeAdmin(h.db);
});
afterAll(() => h.close());

describe('language settings', () => {
  it('a new account has chosen nothing; the choice and digits are stored on it', async () => {
    const { actor } = await makeReseller(h.db, admin);
    const row = async () => (await h.db.select().from(users).where(eq(users.id, actor.userId)))[0];
    expect((await row()).language).toBeNull();
    expect((await row()).burmeseDigits).toBe(false);
    await setUserLanguage(h.db, actor, { language: 'my', burmeseDigits: true });
    expect((await row()).language).toBe('my');
    expect((await row()).burmeseDigits).toBe(true);
  });

  it("a reseller sets (and clears) its clients' default language; only a reseller may", async () => {
    const { actor } = await makeReseller(h.db, admin);
    expect(await resellerClientLanguage(h.db, actor)).toBeNull();
    await setResellerClientLanguage(h.db, actor, 'my');
    expect(await resellerClientLanguage(h.db, actor)).toBe('my');
    const [r] = await h.db.select({ l: resellers.clientLanguage }).from(resellers).where(eq(resellers.id, actor.userId));
    expect(r.l).toBe('my');
    await setResellerClientLanguage(h.db, actor, null);
    expect(await resellerClientLanguage(h.db, actor)).toBeNull();
    const { actor: client } = await makeClient(h.db, actor);
    expect(await domainError(setResellerClientLanguage(h.db, client, 'en'))).toMatchObject({ code: 'forbidden' });
  });

  it('the platform default language is English or Burmese only', () => {
    expect(updateSettingsInput.parse({ default_language: 'my' })).toEqual({ default_language: 'my' });
    expect(updateSettingsInput.safeParse({ default_language: 'fr' }).success).toBe(false);
  });
});
