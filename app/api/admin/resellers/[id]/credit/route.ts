// POST /api/admin/resellers/:id/credit
import { withApi } from '@/lib/http/api';
import { creditReseller } from '@/lib/services/credit';
import { creditInput } from '@/lib/validation/credit';

export const POST = withApi({ auth: 'admin', body: creditInput, status: 201, idempotent: true }, ({ db, actor, id, body }) =>
  creditReseller(db, actor, id, body),
);
