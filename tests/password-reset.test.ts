// Self-service password reset (issue 16): a link by e-mail (through a real SMTP server) or a code by SMS;
// single use, 30 minutes, stored hashed; limited per e-mail and per address; the same answer for an unknown
// e-mail; a reset ends every session of the account.
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DbHandle } from '@/db';
import { apiTokens, messageRecipients, messages, passwordResets, resellerNoticeSettings, resellers, users } from '@/db/schema';
import { verifyPassword } from '@/lib/auth/password';
import type { Actor } from '@/lib/auth/permissions';
import { deliverOutbox } from '@/lib/notifications/mail';
import { completePasswordReset, requestPasswordReset } from '@/lib/services/password-reset';
import { openTestDb } from './helpers/db';
import { domainError } from './helpers/errors';
import { makeAdmin, makeClient, makeReseller, uid } from './helpers/fixtures';
import { startSmtp } from './helpers/smtp';

let h: DbHandle;
let admin: Actor;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
  smtp = await startSmtp();
  process.env.SMTP_URL = smtp.url;
  h = await openTestDb();
  admin = await makeAdmin(h.db);
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp.stop();
  await h.close();
});

const userOf = async (id: number) => (await h.db.select().from(users).where(eq(users.id, id)))[0];
const ask = (
  email: string,
  channel: 'email' | 'sms' = 'email',
  ip: string | null = `10.1.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  now?: Date,
) => requestPasswordReset(h.db, { email, channel, ip, origin: 'http://acme.localhost:3000' }, now);
const linkToken = (text: string) => /reset-password\?token=([\w-]+)/.exec(text)?.[1] ?? '';

describe('by e-mail', () => {
  test('the link arrives, sets the password once, and signs the account out everywhere', async () => {
    const { actor } = await makeReseller(h.db, admin);
    const before = await userOf(actor.userId);
    await h.db.insert(apiTokens).values({ userId: actor.userId, kind: 'session', name: 'login', tokenHash: uid(), prefix: 'x' });
    await ask(before.email);
    await deliverOutbox(h.db);
    const mail = await smtp.waitFor(before.email);
    expect(mail.text).toContain('http://acme.localhost:3000/reset-password?token=');
    expect(mail.text).toContain('30');
    const token = linkToken(mail.text);
    // Only a hash is stored, and the sent mail's body is erased from the outbox.
    const [row] = await h.db.select().from(passwordResets).where(eq(passwordResets.userId, actor.userId));
    expect(row.secretHash).not.toContain(token);
    await completePasswordReset(h.db, { token }, 'brand-new-pass-1');
    const after = await userOf(actor.userId);
    expect(await verifyPassword(after.passwordHash, 'brand-new-pass-1')).toBe(true);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    const tokens = await h.db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.userId, actor.userId), eq(apiTokens.kind, 'session')));
    expect(tokens.every((t) => t.revokedAt)).toBe(true);
    expect((await domainError(completePasswordReset(h.db, { token }, 'another-pass-2'))).code).toBe('reset_invalid');
  });

  test('an unknown e-mail gets the same answer and no mail; a link is dead after 30 minutes; a new request retires the old link', async () => {
    const n = smtp.mails.length;
    await expect(ask(`nobody-${uid()}@test.local`)).resolves.toBeUndefined();
    await deliverOutbox(h.db);
    expect(smtp.mails.length).toBe(n);

    const { actor } = await makeReseller(h.db, admin);
    const { email } = await userOf(actor.userId);
    const t0 = new Date();
    await ask(email, 'email', null, t0);
    await deliverOutbox(h.db);
    const first = linkToken((await smtp.waitFor(email)).text);
    const late = new Date(t0.getTime() + 30 * 60_000 + 1000);
    expect((await domainError(completePasswordReset(h.db, { token: first }, 'late-pass-11', late))).code).toBe('reset_invalid');
    await ask(email, 'email', null);
    await deliverOutbox(h.db);
    await smtp.waitFor(email, (m) => linkToken(m.text) !== first);
    expect((await domainError(completePasswordReset(h.db, { token: first }, 'old-link-pass'))).code).toBe('reset_invalid');
  });

  test("a white-label client's mail carries its reseller's brand and from-name, not the platform's", async () => {
    const { actor: r } = await makeReseller(h.db, admin);
    await h.db.update(resellers).set({ brandName: 'Mandalay Texts' }).where(eq(resellers.id, r.userId));
    await h.db.insert(resellerNoticeSettings).values({ resellerId: r.userId, mailFromName: 'Mandalay Texts Support' });
    const { client } = await makeClient(h.db, r);
    const { email } = await userOf(client.id);
    await ask(email);
    await deliverOutbox(h.db);
    const mail = await smtp.waitFor(email);
    expect(mail.subject).toBe('Reset your Mandalay Texts password');
    expect(mail.from).toContain('Mandalay Texts Support');
    expect(mail.raw).not.toContain('SMS Reseller Platform');
  });

  test('limited per e-mail (3 per 15 min, known or not) and per address (10)', async () => {
    const email = `someone-${uid()}@test.local`;
    for (let i = 0; i < 3; i++) await ask(email);
    expect((await domainError(ask(email))).code).toBe('rate_limited');
    const ip = `10.9.${Math.floor(Math.random() * 250)}.1`;
    for (let i = 0; i < 10; i++) await ask(`x${i}-${uid()}@test.local`, 'email', ip);
    expect((await domainError(ask(`y-${uid()}@test.local`, 'email', ip))).code).toBe('rate_limited');
  });
});

describe('by SMS', () => {
  test("the code goes to the account's phone from the sender phone, free; 5 wrong guesses kill it", async () => {
    const { actor: r } = await makeReseller(h.db, admin);
    const { client: sender } = await makeClient(h.db, r);
    await h.db.insert(resellerNoticeSettings).values({ resellerId: r.userId, smsSenderClientId: sender.id });
    const { client } = await makeClient(h.db, r);
    const { email } = await userOf(client.id);
    await ask(email, 'sms');
    const [m] = await h.db.select().from(messages).where(eq(messages.clientId, sender.id)).orderBy(desc(messages.createdAt));
    expect(m.source).toBe('notice');
    expect(m.countsTowardQuota).toBe(false);
    const [to] = await h.db.select().from(messageRecipients).where(eq(messageRecipients.messageId, m.id));
    expect(to.phone).toBe('+959111222333');
    const code = /\b(\d{6})\b/.exec(m.text)?.[1] ?? '';
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 5; i++)
      expect((await domainError(completePasswordReset(h.db, { email, code: wrong }, 'guess-pass-1'))).code).toBe('reset_invalid');
    expect((await domainError(completePasswordReset(h.db, { email, code }, 'right-too-late'))).code).toBe('reset_invalid');
    // A fresh code works, once.
    await ask(email, 'sms');
    const [m2] = await h.db.select().from(messages).where(eq(messages.clientId, sender.id)).orderBy(desc(messages.createdAt));
    const code2 = /\b(\d{6})\b/.exec(m2.text)?.[1] ?? '';
    await completePasswordReset(h.db, { email, code: code2 }, 'sms-new-pass-1');
    expect(await verifyPassword((await userOf(client.id)).passwordHash, 'sms-new-pass-1')).toBe(true);
  });
});
