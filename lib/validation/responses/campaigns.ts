// Answers of the campaign endpoints.
import { z } from 'zod';
import { CAMPAIGN_STATES } from '@/db/schema/campaigns';
import { instant, nullableInstant, obj } from './common';

export const skippedView = obj({
  opted_out: z.number().int().describe('On the blocklist'),
  duplicate: z.number().int().describe('The same number again'),
  invalid: z.number().int().describe('Not a phone number'),
});

export const campaignView = obj({
  id: z.number().int(),
  name: z.string(),
  state: z.enum(CAMPAIGN_STATES),
  reason: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe('Why a scheduled campaign was refused at its start: {code, message, limit, used, requested}'),
  text: z.string(),
  template_id: z.number().int().nullable(),
  device_id: z.string().nullable(),
  recipients: z.number().int().describe('Messages queued or to be queued (skipped ones excluded)'),
  skipped: skippedView,
  counts: obj({
    queued: z.number().int(),
    sent: z.number().int(),
    delivered: z.number().int(),
    failed: z.number().int(),
    expired: z.number().int(),
    cancelled: z.number().int(),
    skipped: z.number().int(),
  }),
  scheduled_at: nullableInstant,
  started_at: nullableInstant,
  finished_at: nullableInstant,
  created_at: instant,
});

export const campaignCreated = obj({
  id: z.number().int(),
  state: z.enum(CAMPAIGN_STATES),
  recipients: z.number().int(),
  skipped: skippedView,
  campaign: campaignView,
});

export const campaignSettingsView = obj({
  quiet_hours: obj({ start: z.string(), end: z.string() }).nullable(),
  pace_per_minute: z.number().int().nullable(),
});
