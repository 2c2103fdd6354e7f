// Notifications core (issue 16): an event raised twice — or by two instances at once — reaches each person
// once; the in-app notice, the queued mail and the SMS follow the person's choices; mails reach a real SMTP
// server in the reader's language, under the reseller's brand for its clients; failures are retried, logged.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { DbHandle } from '@/db';
import { emailOutbox, messages, notificationPrefs, notifications, resellers, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { deliverOutbox } from '@/lib/notifications/mail';
import { raiseEvent } from '@/lib/notifications/raise';
import { onPostgres, openTestDb } from './helpers/db';
import { makeAdmin, makeClient, makeReseller, uid } from './helpers/fixtures';
import { startSmtp } from './helpers/smtp';

let h: DbHandle;
let admin: Actor;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
  smtp = await startSmtp();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = 'notices@platform.test';
  h = await openTestDb();
  admin = await makeAdmin(h.db);
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp.stop();
  await h.close();
});
beforeEach(() => {
  smtp.mails.length = 0;
});

const mailsOf = (userId: number) => h.db.select().from(emailOutbox).where(eq(emailOutbox.userId, userId));
const noticesOf = (userId: number) => h.db.select().from(notifications).where(eq(notifications.userId, userId));

describe('raising an event', () => {
  test('the same key raised twice reaches each person once: one notice, one mail', async () => {
    const { actor } = await makeReseller(h.db, admin);
    const key = `low_credit:reseller:${actor.userId}:${uid()}`;
    const input = {
      event: 'low_credit' as const,
      key,
      userIds: [actor.userId],
      params: { balanceAmount: 90_000, thresholdAmount: 100_000 },
    };
    expect(await raiseEvent(h.db, input)).toBe(true);
    expect(await raiseEvent(h.db, input)).toBe(false);
    expect((await noticesOf(actor.userId)).filter((n) => n.eventKey === key)).toHaveLength(1);
    expect((await mailsOf(actor.userId)).filter((m) => m.kind === 'low_credit')).toHaveLength(1);
  });

  test.skipIf(!onPostgres())('two instances raising at the same instant: one wins (PostgreSQL)', async () => {
    const other = await openTestDb();
    try {
      const { actor } = await makeReseller(h.db, admin);
      const key = `low_credit:reseller:${actor.userId}:${uid()}`;
      const input = { event: 'low_credit' as const, key, userIds: [actor.userId], params: { balanceAmount: 1, thresholdAmount: 2 } };
      const results = await Promise.all([
        raiseEvent(h.db, input),
        raiseEvent(other.db, input),
        raiseEvent(h.db, input),
        raiseEvent(other.db, input),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await noticesOf(actor.userId)).filter((n) => n.eventKey === key)).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  test("a person's choice turns a channel off; the defaults hold for the others", async () => {
    const { actor } = await makeReseller(h.db, admin);
    await h.db.insert(notificationPrefs).values({ userId: actor.userId, event: 'topup_approved', channel: 'email', enabled: false });
    await raiseEvent(h.db, {
      event: 'topup_approved',
      key: `t:${uid()}`,
      userIds: [actor.userId],
      params: { amount: 5000, balanceAmount: 5000 },
    });
    expect((await noticesOf(actor.userId)).map((n) => n.event)).toContain('topup_approved');
    expect((await mailsOf(actor.userId)).map((m) => m.kind)).not.toContain('topup_approved');
  });
});

describe('e-mail through SMTP', () => {
  test("a white-label client's mail: Burmese, the reseller's brand and from-name, a link to its subdomain, no platform name", async () => {
    const { actor: r } = await makeReseller(h.db, admin);
    await h.db.update(resellers).set({ brandName: 'Golden Lotus SMS' }).where(eq(resellers.id, r.userId));
    const { client } = await makeClient(h.db, r);
    // A name with markup in it: the HTML part must show it as text.
    await h.db.update(users).set({ language: 'my', name: 'Ko <b>Aung</b> & Co' }).where(eq(users.id, client.id));
    const [u] = await h.db.select().from(users).where(eq(users.id, client.id));
    const [rs] = await h.db.select().from(resellers).where(eq(resellers.id, r.userId));
    await raiseEvent(h.db, {
      event: 'trial_ending',
      key: `trial_ending:${client.id}:${uid()}`,
      userIds: [client.id],
      params: { client: u.name, endsAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    await deliverOutbox(h.db);
    const mail = await smtp.waitFor(u.email);
    expect(mail.subject).toBe('Golden Lotus SMS: အစမ်းသုံး မကြာမီ ကုန်မည်');
    expect(mail.from).toContain('Golden Lotus SMS');
    expect(mail.from).toContain('notices@platform.test');
    expect(mail.text).toContain('အစမ်းသုံး');
    expect(mail.text).toContain(`${rs.subdomain}.localhost/client/notifications`);
    expect(mail.raw).not.toContain('SMS Reseller Platform');
    // The HTML alternative says the same under the brand: Burmese, the link clickable, no platform name.
    expect(mail.html).toContain('<html lang="my">');
    expect(mail.html).toContain('Golden Lotus SMS');
    expect(mail.html).toContain('အစမ်းသုံး');
    expect(mail.html).toMatch(new RegExp(`<a href="https?://${rs.subdomain}\\.localhost[^"]*/client/notifications"`));
    expect(mail.html).not.toContain('SMS Reseller Platform');
    expect(mail.html).toContain('Ko &lt;b&gt;Aung&lt;/b&gt; &amp; Co');
    expect(mail.html).not.toContain('<b>Aung');
    expect(mail.text).toContain('Ko <b>Aung</b> & Co');
    const [row] = (await mailsOf(client.id)).filter((m) => m.kind === 'trial_ending');
    expect(row.state).toBe('sent');
  });

  test('a refused mail is retried with backoff, then logged as failed with the reason', async () => {
    const { actor } = await makeReseller(h.db, admin);
    const [u] = await h.db.select().from(users).where(eq(users.id, actor.userId));
    const flaky = await startSmtp({ failFirst: 100 });
    process.env.SMTP_URL = flaky.url;
    try {
      await raiseEvent(h.db, {
        event: 'credit_added',
        key: `c:${uid()}`,
        userIds: [actor.userId],
        params: { amount: 1, balanceAmount: 1 },
      });
      let t = Date.now();
      for (let i = 0; i < 6; i++) {
        await deliverOutbox(h.db, new Date(t));
        const [row] = (await mailsOf(actor.userId)).filter((m) => m.kind === 'credit_added');
        expect(row.attempts).toBe(i + 1);
        expect(row.lastError).toContain('mailbox busy');
        if (i < 5) {
          expect(row.state).toBe('queued');
          // Not tried again before its backoff has passed.
          expect(await deliverOutbox(h.db, new Date(t + 1000))).toBe(0);
          t = row.nextAttemptAt.getTime();
        } else expect(row.state).toBe('failed');
      }
      expect(flaky.mails.filter((m) => m.to.includes(u.email))).toHaveLength(0);
    } finally {
      process.env.SMTP_URL = smtp.url;
      await flaky.stop();
    }
  });

  test('SMTP_URL unset: e-mail is off, nothing is queued, the in-app notice still comes', async () => {
    delete process.env.SMTP_URL;
    try {
      const { actor } = await makeReseller(h.db, admin);
      await raiseEvent(h.db, {
        event: 'credit_added',
        key: `c:${uid()}`,
        userIds: [actor.userId],
        params: { amount: 1, balanceAmount: 1 },
      });
      expect((await mailsOf(actor.userId)).filter((m) => m.kind === 'credit_added')).toHaveLength(0);
      expect((await noticesOf(actor.userId)).map((n) => n.event)).toContain('credit_added');
    } finally {
      process.env.SMTP_URL = smtp.url;
    }
  });
});

describe('SMS notices', () => {
  test("a client's SMS goes from its reseller's sender account, outside every quota", async () => {
    const { actor: r } = await makeReseller(h.db, admin);
    const { client: sender } = await makeClient(h.db, r);
    const { client } = await makeClient(h.db, r);
    const { resellerNoticeSettings } = await import('@/db/schema');
    await h.db.insert(resellerNoticeSettings).values({ resellerId: r.userId, smsSenderClientId: sender.id });
    await raiseEvent(h.db, {
      event: 'device_offline',
      key: `d:${uid()}`,
      userIds: [client.id],
      params: { device: 'Pixel', sinceAt: new Date().toISOString(), waiting: 3 },
    });
    const sent = await h.db
      .select()
      .from(messages)
      .where(and(eq(messages.clientId, sender.id), eq(messages.source, 'notice')));
    expect(sent).toHaveLength(1);
    expect(sent[0].countsTowardQuota).toBe(false);
    expect(sent[0].text).toContain('Pixel');
  });
});
