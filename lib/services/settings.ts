import 'server-only';
import type { Db } from '@/db';
import { settings } from '@/db/schema';

export interface PlatformSettings {
  platform_name: string;
  base_domain: string;
  default_trial_days: number;
  trial_daily_limit: number;
  trial_period_limit: number;
  trial_device_limit: number;
  currency: string;
  time_zone: string;
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
};

/** Stored settings over the defaults; a key never written reads as its default. */
export async function getSettings(db: Db): Promise<PlatformSettings> {
  const rows = await db.select().from(settings);
  const out: PlatformSettings = { ...DEFAULT_SETTINGS };
  for (const r of rows) {
    if (!(r.key in out)) continue;
    const key = r.key as keyof PlatformSettings;
    const parsed: unknown = JSON.parse(r.value);
    if (typeof parsed === typeof out[key]) (out as unknown as Record<string, unknown>)[key] = parsed;
  }
  return out;
}
