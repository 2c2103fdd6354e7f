// GET|PATCH|DELETE /api/admin/resellers/:id
import { withApi } from '@/lib/http/api';
import { deleteReseller } from '@/lib/services/reseller-admin';
import { getReseller, updateReseller } from '@/lib/services/resellers';
import { deleteResellerInput, updateResellerInput } from '@/lib/validation/resellers';

export const GET = withApi({ auth: 'admin' }, ({ db, actor, id }) => getReseller(db, actor, id));

export const PATCH = withApi({ auth: 'admin', body: updateResellerInput }, ({ db, actor, id, body }) =>
  updateReseller(db, actor, id, body),
);

// Archives the reseller; 409 with the reasons while it has paid clients or a balance. `confirm`, when
// given, must equal the reseller's name.
export const DELETE = withApi({ auth: 'admin', body: deleteResellerInput }, ({ db, actor, id, body }) =>
  deleteReseller(db, actor, id, body.confirm),
);
