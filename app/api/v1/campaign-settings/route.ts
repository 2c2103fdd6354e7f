// GET|PATCH /api/v1/campaign-settings {quiet_hours?: {start, end} | null, pace_per_minute?: n | null}
import { api } from '@/lib/http/families';
import { getCampaignSettings, updateCampaignSettings } from '@/lib/services/campaign-settings';
import { campaignSettingsInput } from '@/lib/validation/campaigns';
import { campaignSettingsView } from '@/lib/validation/responses/campaigns';

export const GET = api(
  { summary: 'Campaign settings: quiet hours and pace (off by default)', auth: 'client', response: campaignSettingsView },
  ({ db, actor }) => getCampaignSettings(db, actor),
);

export const PATCH = api(
  {
    summary: 'Set quiet hours (no hand-over to a phone inside them) and a per-phone pace',
    auth: 'client',
    body: campaignSettingsInput,
    response: campaignSettingsView,
  },
  ({ db, actor, body }) => updateCampaignSettings(db, actor, body),
);
