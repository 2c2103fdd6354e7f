// GET /api/v1/campaigns/:id — state and counts
import { api } from '@/lib/http/families';
import { getCampaign } from '@/lib/services/campaigns';
import { campaignView } from '@/lib/validation/responses/campaigns';

export const GET = api({ summary: 'A campaign with its state and counts', auth: 'client', response: campaignView }, ({ db, actor, id }) =>
  getCampaign(db, actor, id),
);
