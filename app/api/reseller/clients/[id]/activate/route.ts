// POST /api/reseller/clients/:id/activate
import { withApi } from '@/lib/http/api';
import { activatePackage } from '@/lib/services/activation';
import { activateInput } from '@/lib/validation/clients';

export const POST = withApi({ auth: 'reseller', body: activateInput, status: 201, idempotent: true }, ({ db, actor, id, body }) =>
  activatePackage(db, actor, id, body),
);
