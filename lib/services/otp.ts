import 'server-only';
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { otpCodes } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { DomainError } from '@/lib/errors';
import { queueMessages } from './messages';
import { clientPhoneCountry, parseRecipients } from './recipients';

/** The OTP's phone in E.164, read in the client's country; an invalid number is a 400 on `phone`. */
async function otpPhone(db: Db, actor: Actor, raw: string): Promise<string> {
  return parseRecipients([raw], await clientPhoneCountry(db, actor.userId), 'phone', true)[0];
}

export const OTP_TTL_MS = 5 * 60_000;
export const OTP_MAX_ATTEMPTS = 3;

// Codes are stored as SHA-256 of (id-independent) phone + code: 10^6 codes are cheap to brute force
// offline, but a stolen row is useless after 5 minutes and the online path allows 3 guesses.
const hashCode = (phone: string, code: string) => createHash('sha256').update(`${phone}:${code}`).digest('hex');

/** Sends a 6-digit code through the gateway (it counts against the quota like any SMS). */
export async function requestOtp(db: Db, actor: Actor, rawPhone: string, opts: { brand?: string } = {}, now = new Date()) {
  const phone = await otpPhone(db, actor, rawPhone);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const text = `${opts.brand ? `${opts.brand}: ` : ''}your code is ${code}. It expires in 5 minutes.`;
  const [message] = await queueMessages(
    db,
    actor,
    { messages: [{ phones: [phone] }], text, source: 'otp', validUntil: new Date(now.getTime() + OTP_TTL_MS) },
    now,
  );
  const expiresAt = new Date(now.getTime() + OTP_TTL_MS);
  // A new code replaces any earlier one for this phone.
  await db
    .update(otpCodes)
    .set({ expiresAt: now })
    .where(and(eq(otpCodes.clientId, actor.userId), eq(otpCodes.phone, phone), isNull(otpCodes.verifiedAt)));
  await db
    .insert(otpCodes)
    .values({ clientId: actor.userId, phone, codeHash: hashCode(phone, code), expiresAt, messageId: message.id, createdAt: now });
  return { phone, message_id: message.id, expires_at: expiresAt.toISOString() };
}

/** Checks a code: valid 5 minutes, 3 attempts, once. A wrong code costs an attempt. */
export async function verifyOtp(db: Db, actor: Actor, rawPhone: string, code: string, now = new Date()) {
  const phone = await otpPhone(db, actor, rawPhone);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(otpCodes)
      .where(and(eq(otpCodes.clientId, actor.userId), eq(otpCodes.phone, phone)))
      .orderBy(desc(otpCodes.createdAt), desc(otpCodes.id))
      .limit(1)
      .for('update');
    if (!row || row.verifiedAt || row.expiresAt <= now)
      throw new DomainError('otp_invalid', 'No valid code for this phone. Request a new one.', {
        reason: row?.verifiedAt ? 'used' : 'expired',
      });
    if (row.attempts >= OTP_MAX_ATTEMPTS)
      throw new DomainError('otp_invalid', 'Too many wrong attempts. Request a new code.', { reason: 'attempts', attempts_left: 0 });
    const ok = timingSafeEqual(Buffer.from(hashCode(phone, code)), Buffer.from(row.codeHash));
    if (!ok) {
      await tx
        .update(otpCodes)
        .set({ attempts: row.attempts + 1 })
        .where(eq(otpCodes.id, row.id));
      return { verified: false as const, attempts_left: OTP_MAX_ATTEMPTS - row.attempts - 1 };
    }
    await tx
      .update(otpCodes)
      .set({ verifiedAt: now, attempts: row.attempts + 1 })
      .where(eq(otpCodes.id, row.id));
    return { verified: true as const, attempts_left: OTP_MAX_ATTEMPTS - row.attempts - 1 };
  });
}
