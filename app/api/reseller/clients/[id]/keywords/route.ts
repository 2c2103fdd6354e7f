// GET|PUT /api/reseller/clients/:id/keywords {keyword_limit} — the reseller enables keywords for a client
// (0 = off) and sees its keyword, campaign and inbound counts
import { api } from '@/lib/http/families';
import { clientEngagement } from '@/lib/services/engagement-counts';
import { setKeywordLimit } from '@/lib/services/keywords';
import { keywordLimitInput } from '@/lib/validation/engagement';
import { clientEngagementView } from '@/lib/validation/responses/engagement';

export const GET = api(
  { summary: "A client's keyword limit and its keyword, campaign and inbound counts", auth: 'reseller', response: clientEngagementView },
  ({ db, actor, id }) => clientEngagement(db, actor, id),
);

export const PUT = api(
  {
    summary: 'Set how many keywords a client may define (0 turns keywords off)',
    auth: 'reseller',
    body: keywordLimitInput,
    response: clientEngagementView,
  },
  async ({ db, actor, id, body }) => {
    await setKeywordLimit(db, actor, id, body.keyword_limit);
    return clientEngagement(db, actor, id);
  },
);
