// Platform settings and the admin team (docs/ARCHITECTURE.md#rules-money, #rules-tenancy, #rules-security). On a database of its own: settings are global
// (other files count on the 3-day default trial), and "the last active admin" needs every admin known.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PATCH as adminStatusRoute } from '@/app/api/admin/admins/[id]/route';
import { POST as createAdminRoute, GET as listAdminsRoute } from '@/app/api/admin/admins/route';
import { POST as adminLogin } from '@/app/api/admin/auth/login/route';
import { GET as getSettingsRoute, PATCH as patchSettingsRoute } from '@/app/api/admin/settings/route';
import { GET as statsRoute } from '@/app/api/admin/stats/route';
import { POST as createClientRoute } from '@/app/api/reseller/clients/route';
import { type DbHandle, setDbHandle } from '@/db';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { setAdminStatus } from '@/lib/services/admins';
import { listAudit } from '@/lib/services/audit';
import { DEFAULT_SETTINGS, getSettings, updateSettings } from '@/lib/services/settings';
import { domainError } from './helpers/errors';
import { makeAdmin, makeReseller, uid } from './helpers/fixtures';
import { call, expectError, fieldsOf } from './helpers/http';
import { openPrivateDb } from './helpers/private-db';
import { adminWithToken, resellerWithToken } from './helpers/sessions';

const DAY = 86_400_000;

let h: DbHandle;
let admin: Actor;
let adminToken: string;
beforeAll(async () => {
  h = await openPrivateDb();
  setDbHandle(h);
  ({ actor: admin, token: adminToken } = await adminWithToken(h.db));
});
afterAll(async () => {
  // Leave the defaults behind, whatever a failing test changed.
  await updateSettings(h.db, admin, { ...DEFAULT_SETTINGS });
  await h.close();
});

const getSettingsApi = (token = adminToken) => call(getSettingsRoute, 'GET', '/api/admin/settings', { token });
const patchSettings = (body: unknown, token = adminToken) => call(patchSettingsRoute, 'PATCH', '/api/admin/settings', { token, body });

describe('settings', () => {
  test('GET: the defaults: 3-day trial, Asia/Yangon, MMK', async () => {
    const res = await getSettingsApi();
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      default_trial_days: 3,
      time_zone: 'Asia/Yangon',
      currency: 'MMK',
      trial_daily_limit: 20,
      trial_period_limit: 60,
      trial_device_limit: 1,
      platform_name: expect.any(String),
      base_domain: expect.any(String),
    });
  });

  test('PATCH default_trial_days 7: a new client gets a 7-day trial; an explicit trial_days still wins', async () => {
    const r = await resellerWithToken(h.db, admin);
    const res = await patchSettings({ default_trial_days: 7, trial_daily_limit: 30, trial_period_limit: 90 });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ default_trial_days: 7, trial_daily_limit: 30, trial_period_limit: 90, time_zone: 'Asia/Yangon' });
    expect((await getSettingsApi()).json).toEqual(res.json);

    const before = Date.now();
    const made = await call(createClientRoute, 'POST', '/api/reseller/clients', {
      token: r.token,
      body: { name: 'Week Trial', email: `week-${uid()}@test.local`, password: 'secret-1' },
    });
    expect(made.status).toBe(201);
    const ends = Date.parse(String(made.json.trial_ends_at));
    expect(ends).toBeGreaterThanOrEqual(before + 7 * DAY);
    expect(ends).toBeLessThanOrEqual(Date.now() + 7 * DAY);
    expect(made.json).toMatchObject({ status: 'trial', usage: { daily_limit: 30, period_limit: 90 } });
    const chosen = await call(createClientRoute, 'POST', '/api/reseller/clients', {
      token: r.token,
      body: { name: 'Two Days', email: `two-${uid()}@test.local`, password: 'secret-1', trial_days: 2 },
    });
    expect(Date.parse(String(chosen.json.trial_ends_at)) - Date.parse(String(chosen.json.created_at))).toBe(2 * DAY);

    const [audit] = (await listAudit(h.db, admin, { page: 1, limit: 1, action: 'settings.update' })).data;
    expect(audit).toMatchObject({
      actor_id: admin.userId,
      target_type: 'settings',
      before: { default_trial_days: 3, trial_daily_limit: 20 },
      after: { default_trial_days: 7, trial_daily_limit: 30 },
    });

    const restored = await patchSettings({ default_trial_days: 3, trial_daily_limit: 20, trial_period_limit: 60 });
    expect(restored.json).toMatchObject({ default_trial_days: 3, trial_daily_limit: 20, trial_period_limit: 60 });
  });

  test('bad values are 400 on their field and change nothing', async () => {
    const before = await getSettings(h.db);
    const cases: [unknown, string][] = [
      [{ time_zone: 'Mars/Olympus_Mons' }, 'time_zone'],
      [{ time_zone: '' }, 'time_zone'],
      [{ default_trial_days: 31 }, 'default_trial_days'],
      [{ default_trial_days: -1 }, 'default_trial_days'],
      [{ currency: 'KYATS' }, 'currency'],
      // Against the stored daily limit (20), and against one sent in the same request.
      [{ trial_period_limit: 10 }, 'trial_period_limit'],
      [{ trial_daily_limit: 100, trial_period_limit: 99 }, 'trial_period_limit'],
      [{ trial_daily_limit: 61 }, 'trial_period_limit'],
    ];
    for (const [body, field] of cases) {
      expect(Object.keys(fieldsOf(expectError(await patchSettings(body), 400, 'validation_failed'))), JSON.stringify(body)).toEqual([
        field,
      ]);
    }
    expectError(await patchSettings({ secret_mode: true }), 400, 'validation_failed');
    expect(await getSettings(h.db)).toEqual(before);
  });

  test('the platform time zone is any IANA zone, and the stats report in it', async () => {
    expect((await patchSettings({ time_zone: 'America/New_York' })).json).toMatchObject({ time_zone: 'America/New_York' });
    const stats = await call(statsRoute, 'GET', '/api/admin/stats', { token: adminToken });
    expect(stats.json.time_zone).toBe('America/New_York');
    expect((await patchSettings({ time_zone: 'Asia/Yangon' })).json).toMatchObject({ time_zone: 'Asia/Yangon' });
  });

  test('a reseller token is 401 on the settings routes', async () => {
    const { token } = await resellerWithToken(h.db, admin);
    expectError(await getSettingsApi(token), 401, 'unauthorized');
    expectError(await patchSettings({ default_trial_days: 30 }, token), 401, 'unauthorized');
    expect((await getSettings(h.db)).default_trial_days).toBe(3);
  });
});

describe('admins', () => {
  const login = (email: string, password: string) => call(adminLogin, 'POST', '/api/admin/auth/login', { body: { email, password } });
  const setStatus = (id: number, status: string, token = adminToken) =>
    call(adminStatusRoute, 'PATCH', '/a', { token, id, body: { status } });

  test('create: 201 without the password; the new admin can sign in; a taken email is 409 email_taken', async () => {
    const email = `ops-${uid()}@test.local`;
    const res = await call(createAdminRoute, 'POST', '/api/admin/admins', {
      token: adminToken,
      body: { name: 'Ops', email, password: 'ops-pass-123' },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ id: expect.any(Number), name: 'Ops', email, status: 'active', last_login_at: null });
    expect(res.text).not.toMatch(/ops-pass-123|password/);
    expect((await login(email, 'ops-pass-123')).status).toBe(200);
    const list = await call(listAdminsRoute, 'GET', '/api/admin/admins', { token: adminToken });
    expect((list.json.data as { id: number }[]).map((a) => a.id)).toEqual(expect.arrayContaining([admin.userId, res.json.id]));
    const [audit] = (await listAudit(h.db, admin, { page: 1, limit: 1, action: 'admin.create', target_id: String(res.json.id) })).data;
    expect(audit).toMatchObject({ actor_id: admin.userId, after: { email } });

    const { reseller } = await makeReseller(h.db, admin);
    for (const taken of [email.toUpperCase(), reseller.email]) {
      const dup = await call(createAdminRoute, 'POST', '/api/admin/admins', {
        token: adminToken,
        body: { name: 'Dup', email: taken, password: 'dup-pass-123' },
      });
      expect(fieldsOf(expectError(dup, 409, 'email_taken'))).toHaveProperty('email');
    }
    const short = await call(createAdminRoute, 'POST', '/api/admin/admins', {
      token: adminToken,
      body: { name: 'S', email: `s-${uid()}@test.local`, password: 'short' },
    });
    expect(Object.keys(fieldsOf(expectError(short, 400, 'validation_failed')))).toEqual(['password']);
  });

  test('disabling another admin stops its token and its logins at once; re-enabling lets it sign in again', async () => {
    const other = await adminWithToken(h.db);
    const email = (await h.db.select({ email: users.email }).from(users).where(eq(users.id, other.actor.userId)))[0].email;
    expect((await call(listAdminsRoute, 'GET', '/api/admin/admins', { token: other.token })).status).toBe(200);

    const res = await setStatus(other.actor.userId, 'suspended');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: other.actor.userId, status: 'suspended' });
    const refused = await call(listAdminsRoute, 'GET', '/api/admin/admins', { token: other.token });
    expect([401, 403]).toContain(refused.status);
    expectError(await login(email, 'admin-pass-1'), 403, 'account_suspended');
    const [audit] = (await listAudit(h.db, admin, { page: 1, limit: 1, action: 'admin.disable', target_id: String(other.actor.userId) }))
      .data;
    expect(audit).toMatchObject({
      actor_id: admin.userId,
      target_type: 'admin',
      before: { status: 'active' },
      after: { status: 'suspended' },
    });

    expect((await setStatus(other.actor.userId, 'active')).json).toMatchObject({ status: 'active' });
    // The old token stays dead; a new login works.
    expectError(await call(listAdminsRoute, 'GET', '/api/admin/admins', { token: other.token }), 401, 'unauthorized');
    expect((await login(email, 'admin-pass-1')).status).toBe(200);
  });

  test('no one can disable themselves (409)', async () => {
    expectError(await setStatus(admin.userId, 'suspended'), 409, 'conflict');
    expect((await call(listAdminsRoute, 'GET', '/api/admin/admins', { token: adminToken })).status).toBe(200);
  });

  test('the last active admin cannot be disabled (409), even by an admin disabled in the meantime', async () => {
    const stale = await makeAdmin(h.db);
    const active = await h.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'admin'), eq(users.status, 'active')));
    const disabled: number[] = [];
    try {
      for (const { id } of active) {
        if (id === admin.userId) continue;
        await setAdminStatus(h.db, admin, id, 'suspended');
        disabled.push(id);
      }
      // Only `admin` is active now; `stale` (disabled, acting on an old page) tries to disable it.
      expect((await domainError(setAdminStatus(h.db, stale, admin.userId, 'suspended'))).code).toBe('conflict');
      const [me] = await h.db.select({ status: users.status }).from(users).where(eq(users.id, admin.userId));
      expect(me.status).toBe('active');
    } finally {
      for (const id of disabled) await setAdminStatus(h.db, admin, id, 'active');
    }
  });

  test('bad status or unknown admin; a reseller is not an admin; a reseller token is 401', async () => {
    const other = await makeAdmin(h.db);
    expect(Object.keys(fieldsOf(expectError(await setStatus(other.userId, 'archived'), 400, 'validation_failed')))).toEqual(['status']);
    expectError(await setStatus(2_000_000_000, 'suspended'), 404, 'not_found');
    const r = await resellerWithToken(h.db, admin);
    expectError(await setStatus(r.id, 'suspended'), 404, 'not_found');
    expectError(await call(listAdminsRoute, 'GET', '/api/admin/admins', { token: r.token }), 401, 'unauthorized');
    expectError(await setStatus(other.userId, 'suspended', r.token), 401, 'unauthorized');
    const [u] = await h.db.select({ status: users.status }).from(users).where(eq(users.id, other.userId));
    expect(u.status).toBe('active');
  });
});
