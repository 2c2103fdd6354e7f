// GET|POST /api/admin/resellers
import { api } from '@/lib/http/families';
import { createReseller, listResellers } from '@/lib/services/resellers';
import { createResellerInput, listResellersQuery } from '@/lib/validation/resellers';
import { resellerView } from '@/lib/validation/responses/accounts';
import { paged } from '@/lib/validation/responses/common';

export const GET = api(
  { summary: 'List resellers', auth: 'admin', query: listResellersQuery, response: paged(resellerView) },
  ({ db, actor, query }) => listResellers(db, actor, query),
);

export const POST = api(
  { summary: 'Create a reseller', auth: 'admin', body: createResellerInput, status: 201, response: resellerView, errors: [409] },
  ({ db, actor, body }) => createReseller(db, actor, body),
);
