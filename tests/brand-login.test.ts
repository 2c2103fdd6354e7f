// Issue 10 item 6: on a reseller's subdomain the reseller itself and its own clients sign in; anyone else
// with the right password is told the page is not theirs (wrong_portal), while a wrong password is the
// usual invalid_credentials for every account, known or not.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DbHandle } from '@/db';
import type { Actor } from '@/lib/auth/permissions';
import { verifyCredentialsOnBrand } from '@/lib/services/auth';
import { openTestDb } from './helpers/db';
import { makeAdmin, makeClient, makeReseller } from './helpers/fixtures';
import { emailOf } from './helpers/sessions';

let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await openTestDb();
  admin = await makeAdmin(h.db);
});
afterAll(async () => {
  await h.close();
});

describe('verifyCredentialsOnBrand', () => {
  test('the brand’s own reseller and its clients get in; others are wrong_portal; bad passwords stay invalid_credentials', async () => {
    const acme = await makeReseller(h.db, admin);
    const other = await makeReseller(h.db, admin);
    const own = await makeClient(h.db, acme.actor);
    const foreign = await makeClient(h.db, other.actor);
    const brand = acme.reseller.id;
    const login = (email: string, password: string) => verifyCredentialsOnBrand(h.db, { email, password }, brand);

    expect((await login(acme.reseller.email, acme.password)).id).toBe(acme.reseller.id);
    expect((await login(own.client.email, own.password)).id).toBe(own.client.id);
    await expect(login(other.reseller.email, other.password)).rejects.toMatchObject({ code: 'wrong_portal' });
    await expect(login(foreign.client.email, foreign.password)).rejects.toMatchObject({ code: 'wrong_portal' });
    await expect(login(await emailOf(h.db, admin.userId), 'admin-pass-1')).rejects.toMatchObject({ code: 'wrong_portal' });
    // Without the right password nobody learns whether the account exists elsewhere.
    await expect(login(other.reseller.email, 'wrong-password')).rejects.toMatchObject({ code: 'invalid_credentials' });
    await expect(login('nobody@nowhere.test', 'wrong-password')).rejects.toMatchObject({ code: 'invalid_credentials' });
    // On the platform's own host everyone signs in.
    expect((await verifyCredentialsOnBrand(h.db, { email: other.reseller.email, password: other.password }, null)).id).toBe(
      other.reseller.id,
    );
  });
});
