// POST /api/v1/campaigns {name, message | template_id, group_ids?, contact_ids?, phones?, scheduled_at?, device_id?} · GET (paged)
import { api } from '@/lib/http/families';
import { createCampaign, listCampaigns } from '@/lib/services/campaigns';
import { campaignInput, listCampaignsQuery } from '@/lib/validation/campaigns';
import { campaignCreated, campaignView } from '@/lib/validation/responses/campaigns';
import { paged } from '@/lib/validation/responses/common';

export const GET = api(
  { summary: 'Campaigns, newest first, with their counts', auth: 'client', query: listCampaignsQuery, response: paged(campaignView) },
  ({ db, actor, query }) => listCampaigns(db, actor, query),
);

export const POST = api(
  {
    summary: 'Create a campaign: now (the quota for every recipient taken at once, all or nothing) or at scheduled_at',
    auth: 'client',
    body: campaignInput,
    status: 201,
    response: campaignCreated,
    errors: [403, 429],
  },
  ({ db, actor, body }) => createCampaign(db, actor, body, 'api'),
);
