// POST /api/v1/activate {package_type} — the client renews or activates its own package from its balance
import { withApi } from '@/lib/http/api';
import { activatePackage } from '@/lib/services/activation';
import { activateInput } from '@/lib/validation/clients';

export const POST = withApi({ auth: 'client', body: activateInput, status: 201, idempotent: true }, ({ db, actor, body }) =>
  activatePackage(db, actor, actor.userId, body),
);
