// POST /api/v1/campaigns/:id/resend-failed — a new campaign, now, to the recipients that failed or expired
import { api } from '@/lib/http/families';
import { resendFailed } from '@/lib/services/campaigns';
import { campaignCreated } from '@/lib/validation/responses/campaigns';

export const POST = api(
  {
    summary: 'Send again, as a new campaign, to the recipients whose messages failed, expired or were lost',
    auth: 'client',
    status: 201,
    response: campaignCreated,
    errors: [403, 409, 429],
  },
  ({ db, actor, id }) => resendFailed(db, actor, id, 'api'),
);
