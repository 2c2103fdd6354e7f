// A reseller's own notice settings (issue 16): its low-credit threshold decides when the notice fires; its
// SMS sender must be one of its own clients; a blank from-name falls back to the brand.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { DbHandle } from '@/db';
import { notifications } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { scanNotifications } from '@/lib/notifications/scheduled';
import { getNoticeSettings, updateNoticeSettings } from '@/lib/services/notice-settings';
import { transferCredit } from '@/lib/services/transfers';
import { noticeSettingsInput } from '@/lib/validation/notice-settings';
import { openTestDb } from './helpers/db';
import { makeAdmin, makeClient, makeReseller } from './helpers/fixtures';

let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await openTestDb();
  admin = await makeAdmin(h.db);
});
afterAll(async () => {
  await h.close();
});

const lowCredit = (userId: number) =>
  h.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.event, 'low_credit')));

test('a higher threshold makes the low-credit notice fire at a balance the default lets pass', async () => {
  const { actor: r } = await makeReseller(h.db, admin, { credit: 150_000 });
  expect((await getNoticeSettings(h.db, r)).low_credit_threshold).toBe(100_000);
  await scanNotifications(h.db, new Date());
  expect(await lowCredit(r.userId)).toHaveLength(0);
  const saved = await updateNoticeSettings(h.db, r, { low_credit_threshold: 150_001 });
  expect(saved.low_credit_threshold).toBe(150_001);
  await scanNotifications(h.db, new Date());
  const got = await lowCredit(r.userId);
  expect(got).toHaveLength(1);
  expect(got[0].params).toMatchObject({ thresholdAmount: 150_001, balanceAmount: 150_000 });
});

test('a lower threshold keeps the notice back at a balance the default would report', async () => {
  const { actor: r } = await makeReseller(h.db, admin, { credit: 120_000 });
  const { client } = await makeClient(h.db, r);
  await updateNoticeSettings(h.db, r, { low_credit_threshold: 50_000 });
  await transferCredit(h.db, r, client.id, 30_000);
  await scanNotifications(h.db, new Date());
  expect(await lowCredit(r.userId)).toHaveLength(0);
  await transferCredit(h.db, r, client.id, 40_001);
  await scanNotifications(h.db, new Date());
  expect(await lowCredit(r.userId)).toHaveLength(1);
});

test("the SMS sender is one of the reseller's own clients; a blank from-name is none", async () => {
  const { actor: r } = await makeReseller(h.db, admin, { credit: 0 });
  const { actor: other } = await makeReseller(h.db, admin, { credit: 0 });
  const { client: mine } = await makeClient(h.db, r);
  const { client: theirs } = await makeClient(h.db, other);
  await expect(updateNoticeSettings(h.db, r, { sms_sender_client_id: theirs.id })).rejects.toMatchObject({
    details: { fields: { sms_sender_client_id: [expect.any(String)] } },
  });
  const s = await updateNoticeSettings(h.db, r, { sms_sender_client_id: mine.id, mail_from_name: 'Shop Team' });
  expect(s).toMatchObject({ sms_sender_client_id: mine.id, mail_from_name: 'Shop Team', low_credit_threshold: 100_000 });
  expect((await updateNoticeSettings(h.db, r, { mail_from_name: '' })).mail_from_name).toBeNull();
  expect(noticeSettingsInput.safeParse({ low_credit_threshold: -1 }).success).toBe(false);
  expect(noticeSettingsInput.safeParse({ mail_from_name: 'x'.repeat(81) }).success).toBe(false);
});
