// GET|PATCH /api/admin/resellers/:id
import { withApi } from '@/lib/http/api';
import { getReseller, updateReseller } from '@/lib/services/resellers';
import { updateResellerInput } from '@/lib/validation/resellers';

export const GET = withApi({ auth: 'admin' }, ({ db, actor, id }) => getReseller(db, actor, id));

export const PATCH = withApi({ auth: 'admin', body: updateResellerInput }, ({ db, actor, id, body }) =>
  updateReseller(db, actor, id, body),
);
