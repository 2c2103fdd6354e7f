import 'server-only';
// E-mail through the outbox (docs/notifications.md#e-mail): a mail is a row in email_outbox, written in the
// transaction that decided it; workers hand due rows to the SMTP server (SMTP_URL) with nodemailer, retry a
// failure with backoff and log the outcome. Each goes as plain text with an HTML alternative (mail-html.ts). SMTP_URL unset: e-mail is off (nothing is queued).
import { and, eq, lte, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { type Db, rowsOf } from '@/db';
import { emailOutbox } from '@/db/schema';
import { logError } from '@/lib/log';
import { mailHtml } from './mail-html';

export interface MailConfig {
  url: string;
  from: string;
}

/** The SMTP server and sender address, or null when e-mail is off. Read per call (tests change the env). */
export function mailConfig(): MailConfig | null {
  const url = process.env.SMTP_URL?.trim();
  if (!url) return null;
  return { url, from: process.env.MAIL_FROM?.trim() || 'notifications@localhost' };
}

export const mailEnabled = () => mailConfig() !== null;

/** Attempts before a mail is logged as failed; the waits between them. */
export const MAX_ATTEMPTS = 6;
const BACKOFF_MS = [30_000, 120_000, 600_000, 1_800_000, 7_200_000];
export const backoffMs = (attempts: number) => BACKOFF_MS[Math.min(attempts - 1, BACKOFF_MS.length - 1)] ?? 30_000;
/** How long a claimed mail is hidden from other workers while this one talks to the SMTP server. */
const LEASE_MS = 120_000;

export interface OutgoingMail {
  userId: number | null;
  kind: string;
  to: string;
  fromName: string;
  subject: string;
  body: string;
  dedupKey?: string | null;
  eraseBody?: boolean;
}

/** Queues a mail in the caller's transaction (a no-op when e-mail is off, or its dedup key is queued already). */
export async function enqueueMail(tx: Db, mail: OutgoingMail, now = new Date()): Promise<boolean> {
  if (!mailEnabled()) return false;
  const rows = await tx
    .insert(emailOutbox)
    .values({
      userId: mail.userId,
      kind: mail.kind,
      toAddress: mail.to,
      fromName: mail.fromName,
      subject: mail.subject,
      body: mail.body,
      dedupKey: mail.dedupKey ?? null,
      eraseBody: mail.eraseBody ?? false,
      nextAttemptAt: now,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: emailOutbox.id });
  return rows.length > 0;
}

let transport: { url: string; t: Transporter } | null = null;
function transporter(url: string): Transporter {
  if (transport?.url !== url) transport = { url, t: nodemailer.createTransport(url) };
  return transport.t;
}

type Claimed = { id: number; to_address: string; from_name: string; subject: string; body: string; attempts: number; erase_body: boolean };

/**
 * One pass over due mails (at most `batch`): each is claimed with FOR UPDATE SKIP LOCKED and a lease, so
 * every instance may run this at once and a mail goes out once. Returns how many were tried.
 */
export async function deliverOutbox(db: Db, now = new Date(), batch = 20): Promise<number> {
  const cfg = mailConfig();
  if (!cfg) return 0;
  const claimed = rowsOf<Claimed>(
    await db.execute(sql`
      update ${emailOutbox} set attempts = attempts + 1, next_attempt_at = ${new Date(now.getTime() + LEASE_MS).toISOString()}::timestamptz
      where id in (select id from ${emailOutbox} where state = 'queued' and next_attempt_at <= ${now.toISOString()}::timestamptz
        order by next_attempt_at limit ${batch} for update skip locked)
      returning id, to_address, from_name, subject, body, attempts, erase_body`),
  );
  for (const m of claimed) {
    try {
      await transporter(cfg.url).sendMail({
        from: { name: m.from_name, address: cfg.from },
        to: m.to_address,
        subject: m.subject,
        // Text first, HTML as the alternative a mail program prefers: the same words, under the sender's name.
        text: m.body,
        html: mailHtml({ subject: m.subject, body: m.body, sender: m.from_name }),
      });
      await db
        .update(emailOutbox)
        .set({ state: 'sent', sentAt: new Date(), lastError: null, ...(m.erase_body ? { body: '' } : {}) })
        .where(eq(emailOutbox.id, m.id));
    } catch (err) {
      const reason = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      const attempts = Number(m.attempts);
      const failed = attempts >= MAX_ATTEMPTS;
      await db
        .update(emailOutbox)
        .set({
          state: failed ? 'failed' : 'queued',
          lastError: reason,
          nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
          ...(failed && m.erase_body ? { body: '' } : {}),
        })
        .where(eq(emailOutbox.id, m.id));
    }
  }
  return claimed.length;
}

/** Starts a delivery pass now, without waiting (a reset mail should not wait for the next worker tick). */
export function kickDelivery(db: Db): void {
  if (!mailEnabled()) return;
  void deliverOutbox(db).catch((err) => logError('mail delivery failed', err));
}

/** The admin's log: the latest mails with their state and reason. */
export async function outboxLog(db: Db, limit = 50) {
  return db
    .select({
      id: emailOutbox.id,
      kind: emailOutbox.kind,
      to: emailOutbox.toAddress,
      subject: emailOutbox.subject,
      state: emailOutbox.state,
      attempts: emailOutbox.attempts,
      lastError: emailOutbox.lastError,
      sentAt: emailOutbox.sentAt,
      createdAt: emailOutbox.createdAt,
    })
    .from(emailOutbox)
    .orderBy(sql`${emailOutbox.createdAt} desc, ${emailOutbox.id} desc`)
    .limit(limit);
}

/** Mails still waiting whose time has come (for tests and the health view). */
export const dueMails = (db: Db, now = new Date()) =>
  db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.state, 'queued'), lte(emailOutbox.nextAttemptAt, now)));
