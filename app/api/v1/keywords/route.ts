// GET /api/v1/keywords · POST {keyword, reply?, group_id?} — an inbound SMS starting with a keyword gets its
// reply through the receiving phone and may join the group (docs/engagement.md#keywords)
import { api } from '@/lib/http/families';
import { createKeyword, listKeywords } from '@/lib/services/keywords';
import { keywordInput } from '@/lib/validation/engagement';
import { keywordList, keywordView } from '@/lib/validation/responses/engagement';

export const GET = api({ summary: 'Keywords, and how many the provider allows', auth: 'client', response: keywordList }, ({ db, actor }) =>
  listKeywords(db, actor),
);

export const POST = api(
  {
    summary: 'Add a keyword (JOIN, PROMO, Burmese words too): auto-reply, optional group (within the provider’s keyword limit)',
    auth: 'client',
    body: keywordInput,
    status: 201,
    response: keywordView,
    errors: [409],
  },
  ({ db, actor, body }) => createKeyword(db, actor, body),
);
