import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { cache } from 'react';
import type { Db } from '@/db';
import { clients, settings } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { fieldError } from '@/lib/errors';
import type { UpdateSettingsInput } from '@/lib/validation/settings';
import { writeAudit } from './audit';

export interface PlatformSettings {
  platform_name: string;
  base_domain: string;
  default_trial_days: number;
  trial_daily_limit: number;
  trial_period_limit: number;
  trial_device_limit: number;
  currency: string;
  time_zone: string;
  /** Where national phone numbers are read (`09 420 000 202` in MM); a client's own country overrides it. */
  default_country: string;
  /** A top-up above this many MMK asks the admin for a confirm step in the portal. */
  large_topup_threshold: number;
  /** The interface language of a visitor whose account, cookie and browser name none we have (docs/i18n.md). */
  default_language: 'en' | 'my';
  /** How long a message waits for a phone when the sender gives no validity (docs/device-protocol.md §3). */
  default_validity_minutes: number;
  /** The client account whose paired phones send the platform's SMS notices and reset codes (0: none; docs/notifications.md#sms). */
  notice_sms_client_id: number;
  /**
   * Months of messages kept besides the current one: the partitions (and the message refs and usage counter
   * rows) of older months are dropped by the `message-partitions` job (docs/scaling.md#partitions).
   */
  message_retention_months: number;
}

export const DEFAULT_SETTINGS: PlatformSettings = {
  platform_name: 'SMS Reseller Platform',
  base_domain: process.env.BASE_DOMAIN || 'localhost',
  default_trial_days: 3,
  trial_daily_limit: 20,
  trial_period_limit: 60,
  trial_device_limit: 1,
  currency: 'MMK',
  time_zone: 'Asia/Yangon',
  default_country: 'MM',
  large_topup_threshold: 1_000_000,
  default_language: 'en',
  default_validity_minutes: 60,
  notice_sms_client_id: 0,
  message_retention_months: 24,
};

/**
 * Stored settings over the defaults; a key never written reads as its default. Read once per server
 * render and database handle (React cache: the root layout, the portal layout and the page all ask; a
 * transaction is another handle and reads afresh); outside a render every call reads.
 */
export const getSettings = cache(readSettings);

async function readSettings(db: Db): Promise<PlatformSettings> {
  return settingsFrom(await db.select().from(settings));
}

/** The settings rows (key, JSON-encoded value) over the defaults. */
export function settingsFrom(rows: { key: string; value: string }[]): PlatformSettings {
  const out: PlatformSettings = { ...DEFAULT_SETTINGS };
  for (const r of rows) {
    if (!(r.key in out)) continue;
    const key = r.key as keyof PlatformSettings;
    const parsed: unknown = JSON.parse(r.value);
    if (typeof parsed === typeof out[key]) (out as unknown as Record<string, unknown>)[key] = parsed;
  }
  return out;
}

/** Admin edit of the platform settings; audited with before and after. */
export async function updateSettings(db: Db, actor: Actor, input: UpdateSettingsInput): Promise<PlatformSettings> {
  assertCan(actor, 'settings.manage');
  return db.transaction(async (tx) => {
    const before = await getSettings(tx);
    const after = { ...before, ...input };
    if (after.trial_period_limit < after.trial_daily_limit) {
      throw fieldError('trial_period_limit', 'The trial period limit must be at least the trial daily limit.');
    }
    if (input.notice_sms_client_id) {
      const [c] = await tx.select({ id: clients.id }).from(clients).where(eq(clients.id, input.notice_sms_client_id));
      if (!c) throw fieldError('notice_sms_client_id', 'No client account with this id.');
    }
    for (const [key, value] of Object.entries(input)) {
      await tx
        .insert(settings)
        .values({ key, value: JSON.stringify(value) })
        .onConflictDoUpdate({ target: settings.key, set: { value: JSON.stringify(value), updatedAt: sql`now()` } });
    }
    await writeAudit(tx, actor, 'settings.update', { type: 'settings', id: null }, before, after);
    return after;
  });
}
