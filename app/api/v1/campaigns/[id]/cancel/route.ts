// POST /api/v1/campaigns/:id/cancel — every message not yet handed to a phone is cancelled, its quota given back
import { api } from '@/lib/http/families';
import { cancelCampaign } from '@/lib/services/campaigns';
import { campaignView } from '@/lib/validation/responses/campaigns';

export const POST = api(
  {
    summary: 'Cancel a campaign (messages not yet on a phone are cancelled and their quota given back)',
    auth: 'client',
    response: campaignView,
    errors: [409],
  },
  ({ db, actor, id }) => cancelCampaign(db, actor, id),
);
