import 'server-only';
// The one place a reseller's notice settings are read and changed (table reseller_notice_settings).
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { clients, resellerNoticeSettings } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { fieldError } from '@/lib/errors';
import type { NoticeSettingsInput } from '@/lib/validation/notice-settings';

export const DEFAULT_LOW_CREDIT_THRESHOLD = 100_000;

export interface NoticeSettings {
  low_credit_threshold: number;
  mail_from_name: string | null;
  sms_sender_client_id: number | null;
}

export async function getNoticeSettings(db: Db, actor: Actor): Promise<NoticeSettings> {
  assertCan(actor, 'branding.manage');
  const [s] = await db.select().from(resellerNoticeSettings).where(eq(resellerNoticeSettings.resellerId, actor.userId));
  return {
    low_credit_threshold: s?.lowCreditThreshold ?? DEFAULT_LOW_CREDIT_THRESHOLD,
    mail_from_name: s?.mailFromName ?? null,
    sms_sender_client_id: s?.smsSenderClientId ?? null,
  };
}

export async function updateNoticeSettings(db: Db, actor: Actor, input: NoticeSettingsInput): Promise<NoticeSettings> {
  assertCan(actor, 'branding.manage');
  if (input.sms_sender_client_id) {
    const [c] = await db
      .select({ id: clients.id })
      .from(clients)
      .where(and(eq(clients.id, input.sms_sender_client_id), eq(clients.resellerId, actor.userId)));
    if (!c) throw fieldError('sms_sender_client_id', 'Not one of your client accounts.');
  }
  const set = {
    ...(input.low_credit_threshold !== undefined && { lowCreditThreshold: input.low_credit_threshold }),
    ...(input.mail_from_name !== undefined && { mailFromName: input.mail_from_name || null }),
    ...(input.sms_sender_client_id !== undefined && { smsSenderClientId: input.sms_sender_client_id }),
    updatedAt: new Date(),
  };
  await db
    .insert(resellerNoticeSettings)
    .values({ resellerId: actor.userId, ...set })
    .onConflictDoUpdate({ target: resellerNoticeSettings.resellerId, set });
  return getNoticeSettings(db, actor);
}
