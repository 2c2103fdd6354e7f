import 'server-only';
// Self-service password reset (docs/notifications.md#password-reset): a link by e-mail or a 6-digit code by
// SMS to the account's phone; single use, 30 minutes, stored as SHA-256; rate-limited per address and per
// e-mail (counted whether or not the account exists, so the limit reveals nothing either); the answer is the
// same for every e-mail. Completing it ends every session of the account, as a password change does.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { passwordResets, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { DomainError } from '@/lib/errors';
import { hitRateLimit, ipBucket } from '@/lib/http/rate-limit';
import { enqueueMail, kickDelivery } from '@/lib/notifications/mail';
import { loadRecipients } from '@/lib/notifications/recipients';
import { translatorFor } from '@/lib/notifications/render';
import { queueNoticeSms } from '@/lib/notifications/sms';
import { writeAudit } from './audit';
import { endSessions, findUserByEmail } from './users';

export const RESET_TTL_MS = 30 * 60_000;
export const RESET_MAX_ATTEMPTS = 5;
const WINDOW_MS = 15 * 60_000;
/** Requests per 15 minutes: per e-mail (a person asking again), per address (someone trying many e-mails). */
const positive = (v: string | undefined, d: number) => (Number.isInteger(Number(v)) && Number(v) > 0 ? Number(v) : d);
export const resetLimits = () => ({
  perEmail: positive(process.env.RESET_EMAIL_LIMIT, 3),
  perIp: positive(process.env.RESET_IP_LIMIT, 10),
});

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
// A code is short: it is hashed with its account and creation instant, so equal codes never collide and a
// stolen hash is worth 10^6 guesses for 30 minutes at most (online: 5 attempts).
const codeHash = (userId: number, created: Date, code: string) => sha(`sms:${userId}:${created.getTime()}:${code}`);
const tokenHash = (token: string) => sha(`link:${token}`);

export interface ResetRequest {
  email: string;
  channel: 'email' | 'sms';
  ip: string | null;
  /** Where the link points: the origin of the page the person used (a brand's subdomain keeps its brand). */
  origin: string;
}

/** Answers nothing about the account: it returns the same whether a mail or SMS went out or not. */
export async function requestPasswordReset(db: Db, req: ResetRequest, now = new Date()): Promise<void> {
  const email = req.email.trim().toLowerCase();
  const limits = resetLimits();
  if (req.ip) await hitRateLimit(db, ipBucket('reset', req.ip), limits.perIp, WINDOW_MS, now);
  await hitRateLimit(db, `reset:email:${email}`, limits.perEmail, WINDOW_MS, now);
  const user = await findUserByEmail(db, email);
  if (user?.status !== 'active') return;
  const [r] = await loadRecipients(db, [user.id]);
  if (!r) return;
  const t = translatorFor(r.pref, 'reset');
  await db.transaction(async (tx) => {
    // A new request retires the account's earlier ones.
    await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt)));
    const expiresAt = new Date(now.getTime() + RESET_TTL_MS);
    if (req.channel === 'email') {
      const token = randomBytes(32).toString('base64url');
      await tx
        .insert(passwordResets)
        .values({ userId: user.id, channel: 'email', secretHash: tokenHash(token), expiresAt, createdAt: now });
      const link = `${req.origin}/reset-password?token=${token}`;
      await enqueueMail(
        tx,
        {
          userId: user.id,
          kind: 'password_reset',
          to: r.email,
          fromName: r.fromName,
          subject: t('mailSubject', { brand: r.brand }),
          body: t('mailBody', { brand: r.brand, link }),
          eraseBody: true,
        },
        now,
      );
    } else {
      if (!r.phone) return;
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      await tx
        .insert(passwordResets)
        .values({ userId: user.id, channel: 'sms', secretHash: codeHash(user.id, now, code), expiresAt, createdAt: now });
      await queueNoticeSms(tx, { resellerId: r.smsResellerId, phone: r.phone, text: t('smsBody', { brand: r.brand, code }) }, now);
    }
  });
  if (req.channel === 'email') kickDelivery(db);
}

const invalid = () => new DomainError('reset_invalid', 'This link or code is not valid any more. Ask for a new one.');

export type ResetProof = { token: string } | { email: string; code: string };

/** Sets the new password if the link or code is good; ends every session of the account. */
export async function completePasswordReset(db: Db, proof: ResetProof, password: string, now = new Date()): Promise<{ userId: number }> {
  const passwordHash = await hashPassword(password);
  const outcome = await db.transaction(async (tx) => {
    let row: typeof passwordResets.$inferSelect | undefined;
    if ('token' in proof) {
      [row] = await tx
        .select()
        .from(passwordResets)
        .where(eq(passwordResets.secretHash, tokenHash(proof.token)))
        .for('update');
      if (row?.channel !== 'email') throw invalid();
    } else {
      const user = await findUserByEmail(tx, proof.email);
      if (!user) throw invalid();
      [row] = await tx
        .select()
        .from(passwordResets)
        .where(
          and(
            eq(passwordResets.userId, user.id),
            eq(passwordResets.channel, 'sms'),
            isNull(passwordResets.usedAt),
            gt(passwordResets.expiresAt, now),
          ),
        )
        .orderBy(desc(passwordResets.createdAt))
        .limit(1)
        .for('update');
      if (!row || row.attempts >= RESET_MAX_ATTEMPTS) throw invalid();
      const good = timingSafeEqual(Buffer.from(codeHash(user.id, row.createdAt, proof.code.trim())), Buffer.from(row.secretHash));
      if (!good) {
        // A wrong guess costs an attempt: committed, then refused (a throw here would roll the count back).
        await tx
          .update(passwordResets)
          .set({ attempts: row.attempts + 1 })
          .where(eq(passwordResets.id, row.id));
        return null;
      }
    }
    if (row.usedAt || row.expiresAt <= now) throw invalid();
    const [u] = await tx.select({ status: users.status }).from(users).where(eq(users.id, row.userId));
    if (u?.status !== 'active') throw invalid();
    await tx.update(passwordResets).set({ usedAt: now }).where(eq(passwordResets.id, row.id));
    await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, row.userId));
    await endSessions(tx, row.userId, now);
    const [who] = await tx.select({ role: users.role }).from(users).where(eq(users.id, row.userId));
    await writeAudit(tx, { userId: row.userId, role: who.role }, 'user.password_reset', { type: 'user', id: row.userId }, null, {
      channel: row.channel,
    });
    return { userId: row.userId };
  });
  if (!outcome) throw invalid();
  return outcome;
}
