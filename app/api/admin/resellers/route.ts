// GET|POST /api/admin/resellers
import { withApi } from '@/lib/http/api';
import { createReseller, listResellers } from '@/lib/services/resellers';
import { createResellerInput, listResellersQuery } from '@/lib/validation/resellers';

export const GET = withApi({ auth: 'admin', query: listResellersQuery }, ({ db, actor, query }) => listResellers(db, actor, query));

export const POST = withApi({ auth: 'admin', body: createResellerInput, status: 201 }, ({ db, actor, body }) =>
  createReseller(db, actor, body),
);
