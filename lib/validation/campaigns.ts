// Requests of campaigns (docs/campaigns.md). Shared by the API, the portal and the OpenAPI document.
import { z } from 'zod';
import { idParam, isoInstant, name, pagination } from './common';
import { messageText } from './messages';

const ids = (what: string) => z.array(idParam).max(10_000, `At most 10,000 ${what}.`);

export const campaignInput = z
  .object({
    name,
    message: messageText.optional(),
    template_id: idParam.optional(),
    group_ids: ids('groups').optional(),
    contact_ids: ids('contacts').optional(),
    phones: z.array(z.string().trim().max(32)).max(100_000, 'At most 100,000 numbers.').optional(),
    /** Later: the quota is taken then, and the campaign is refused (state `refused`, with the reason) if it no longer fits. */
    scheduled_at: isoInstant()
      .transform((v) => new Date(v))
      .optional(),
    device_id: z.string().trim().min(1).max(36).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.message === undefined) === (v.template_id === undefined))
      ctx.addIssue({ code: 'custom', path: ['message'], message: 'Give message or template_id.' });
    if (!v.group_ids?.length && !v.contact_ids?.length && !v.phones?.length)
      ctx.addIssue({ code: 'custom', path: ['group_ids'], message: 'Choose an audience: group_ids, contact_ids or phones.' });
  });
export type CampaignRequest = z.infer<typeof campaignInput>;

export const listCampaignsQuery = pagination;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time as HH:MM (00:00–23:59).');

export const campaignSettingsInput = z
  .object({
    /** No hand-over to a phone between start and end (local time; 21:00 → 08:00 wraps past midnight); null: off. */
    quiet_hours: z.object({ start: hhmm, end: hhmm }).strict().nullable().optional(),
    /** Messages per phone per minute at most; null: no pace. */
    pace_per_minute: z.number().int().min(1).max(600).nullable().optional(),
  })
  .strict();
