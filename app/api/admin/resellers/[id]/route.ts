// GET|PATCH|DELETE /api/admin/resellers/:id
import { api } from '@/lib/http/families';
import { deleteReseller } from '@/lib/services/reseller-admin';
import { getReseller, updateReseller } from '@/lib/services/resellers';
import { deleteResellerInput, updateResellerInput } from '@/lib/validation/resellers';
import { resellerView } from '@/lib/validation/responses/accounts';
import { resellerArchived } from '@/lib/validation/responses/billing';

export const GET = api({ summary: 'View a reseller', auth: 'admin', response: resellerView }, ({ db, actor, id }) =>
  getReseller(db, actor, id),
);

export const PATCH = api(
  {
    summary: 'Update a reseller (status toggles suspension)',
    auth: 'admin',
    body: updateResellerInput,
    response: resellerView,
    errors: [409],
  },
  ({ db, actor, id, body }) => updateReseller(db, actor, id, body),
);

// Archives the reseller; 409 with the reasons while it has paid clients or a balance. `confirm`, when
// given, must equal the reseller's name.
export const DELETE = api(
  {
    summary: 'Delete (archive) a reseller; refused while it has paid clients or a balance',
    auth: 'admin',
    body: deleteResellerInput,
    response: resellerArchived,
    errors: [409],
  },
  ({ db, actor, id, body }) => deleteReseller(db, actor, id, body.confirm),
);
