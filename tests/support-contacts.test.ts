// Branding's Viber and Telegram support contacts (docs/payments.md#support-contacts): validated, normalised,
// and turned into the links clients see.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET as getBrandingRoute, PATCH as patchBrandingRoute } from '@/app/api/reseller/branding/route';
import type { DbHandle } from '@/db';
import type { Actor } from '@/lib/auth/permissions';
import { brandForReseller } from '@/lib/services/branding';
import { telegramLink, telegramUsername, viberLink } from '@/lib/support-links';
import { useTestDbForRoutes } from './helpers/db';
import { makeAdmin } from './helpers/fixtures';
import { call, expectError, fieldsOf } from './helpers/http';
import { resellerWithToken } from './helpers/sessions';

let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await useTestDbForRoutes();
  admin = await makeAdmin(h.db);
});
afterAll(async () => {
  await h.close();
});

describe('links', () => {
  test('Viber opens a chat with the number; Telegram names a t.me chat', () => {
    expect(viberLink('+959420000111')).toBe('viber://chat?number=%2B959420000111');
    expect(telegramLink('golden_sms')).toBe('https://t.me/golden_sms');
  });
  test('Telegram usernames: bare, @, t.me links; 5-32 characters, a letter first, no trailing _', () => {
    for (const v of ['golden_sms', '@golden_sms', 't.me/golden_sms', 'https://t.me/golden_sms', 'https://telegram.me/golden_sms/'])
      expect(telegramUsername(v)).toBe('golden_sms');
    expect(telegramUsername('abcde')).toBe('abcde');
    expect(telegramUsername('a'.repeat(32))).toBe('a'.repeat(32));
    for (const v of ['abcd', 'a'.repeat(33), '1golden', 'golden_', 'gold en', 'https://evil.example/golden', 'javascript:alert(1)', ''])
      expect(telegramUsername(v)).toBeNull();
  });
});

describe('PATCH /api/reseller/branding support_viber, support_telegram', () => {
  test('stored normalised (E.164, bare username), shown in the brand, cleared with null or blank', async () => {
    const r = await resellerWithToken(h.db, admin);
    const patch = (body: unknown) => call(patchBrandingRoute, 'PATCH', '/api/reseller/branding', { token: r.token, body });
    const res = await patch({ support_viber: '09 420 000 111', support_telegram: 'https://t.me/golden_sms' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ support_viber: '+959420000111', support_telegram: 'golden_sms' });
    expect(await brandForReseller(h.db, r.id)).toMatchObject({ support_viber: '+959420000111', support_telegram: 'golden_sms' });
    expect((await patch({ support_viber: null, support_telegram: '' })).json).toMatchObject({
      support_viber: null,
      support_telegram: null,
    });
    expect((await call(getBrandingRoute, 'GET', '/api/reseller/branding', { token: r.token })).json).toMatchObject({ support_viber: null });
  });

  test('a number that is not a phone, or a username that is not one, is a 400 on its field', async () => {
    const r = await resellerWithToken(h.db, admin);
    const patch = (body: unknown) => call(patchBrandingRoute, 'PATCH', '/api/reseller/branding', { token: r.token, body });
    expect(fieldsOf(expectError(await patch({ support_viber: '0942' }), 400, 'validation_failed'))).toHaveProperty('support_viber');
    expect(fieldsOf(expectError(await patch({ support_viber: 'viber me' }), 400, 'validation_failed'))).toHaveProperty('support_viber');
    expect(fieldsOf(expectError(await patch({ support_telegram: 'https://evil.example/x' }), 400, 'validation_failed'))).toHaveProperty(
      'support_telegram',
    );
  });
});
