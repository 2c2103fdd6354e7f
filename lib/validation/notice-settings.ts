// A reseller's notice settings (issue 16, docs/notifications.md): when its low-credit notice fires, the
// from-name of the mails to it and its clients, and its own SMS sender account for its clients' notices.
import { z } from 'zod';

export const noticeSettingsInput = z
  .object({
    low_credit_threshold: z.number().int('Whole MMK.').min(0, 'At least 0 MMK.').max(1_000_000_000_000),
    mail_from_name: z.string().trim().max(80, 'At most 80 characters.').nullable(),
    // One of the reseller's own client accounts (null: the platform's notice phone).
    sms_sender_client_id: z.number().int().min(1).max(2_147_483_647).nullable(),
  })
  .partial()
  .strict();
export type NoticeSettingsInput = z.infer<typeof noticeSettingsInput>;
