// GET|PATCH /api/reseller/notice-settings  {low_credit_threshold (MMK), mail_from_name, sms_sender_client_id}
// The same service as the branding page's notice form (docs/notifications.md).
import { api } from '@/lib/http/families';
import { getNoticeSettings, updateNoticeSettings } from '@/lib/services/notice-settings';
import { noticeSettingsInput } from '@/lib/validation/notice-settings';
import { noticeSettingsView } from '@/lib/validation/responses/accounts';

export const GET = api(
  { summary: 'Notice settings: low-credit threshold, mail from-name, SMS sender', auth: 'reseller', response: noticeSettingsView },
  ({ db, actor }) => getNoticeSettings(db, actor),
);

export const PATCH = api(
  {
    summary: 'Change notice settings (the SMS sender must be one of your clients; null: the platform phone)',
    auth: 'reseller',
    body: noticeSettingsInput,
    response: noticeSettingsView,
  },
  ({ db, actor, body }) => updateNoticeSettings(db, actor, body),
);
