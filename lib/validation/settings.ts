import { z } from 'zod';
import { isCountryCode } from '@/lib/phone';
import { email, name, password } from './common';

const validTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const updateSettingsInput = z
  .object({
    platform_name: z.string().trim().min(1, 'Platform name is required.').max(80),
    base_domain: z
      .string()
      .trim()
      .toLowerCase()
      .min(1)
      .max(200)
      .regex(/^[a-z0-9.-]+(:\d+)?$/, 'A domain such as sms.example.com.'),
    default_trial_days: z.number().int().min(0, 'Trial days are 0 to 30.').max(30, 'Trial days are 0 to 30.'),
    trial_daily_limit: z.number().int().min(0).max(100_000),
    trial_period_limit: z.number().int().min(0).max(1_000_000),
    trial_device_limit: z.number().int().min(0).max(100),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, 'A three-letter currency code, e.g. MMK.'),
    time_zone: z.string().trim().refine(validTimeZone, 'An IANA time zone, e.g. Asia/Yangon.'),
    default_country: z
      .string()
      .trim()
      .toUpperCase()
      .refine((v): boolean => isCountryCode(v), 'A two-letter country code, e.g. MM.'),
    large_topup_threshold: z.number().int('Whole MMK.').min(1, 'At least 1 MMK.').max(1_000_000_000_000),
    default_language: z.enum(['en', 'my'], { error: 'English (en) or Burmese (my).' }),
    // At most the 7 days a message may wait for a phone.
    default_validity_minutes: z.number().int('Whole minutes.').min(1, 'At least 1 minute.').max(10_080, 'At most 10080 minutes (7 days).'),
    // A client account id (0: no platform phone for notices).
    notice_sms_client_id: z.number().int().min(0).max(2_147_483_647),
    // Months of messages kept besides the current one (older partitions are dropped): 1 to 120 (ten years).
    message_retention_months: z.number().int('Whole months.').min(1, 'At least 1 month.').max(120, 'At most 120 months (10 years).'),
  })
  .partial()
  .strict();
export type UpdateSettingsInput = z.infer<typeof updateSettingsInput>;

export const createAdminInput = z.object({ name, email, password: password.min(8, 'Admin passwords need at least 8 characters.') });
export type CreateAdminInput = z.infer<typeof createAdminInput>;

export const adminStatusInput = z.object({ status: z.enum(['active', 'suspended'], { error: 'Status is active or suspended.' }) });
