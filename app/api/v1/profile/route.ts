// GET /api/v1/profile — status, package, usage and limits
import { api } from '@/lib/http/families';
import { getClient } from '@/lib/services/clients';
import { clientView } from '@/lib/validation/responses/accounts';

export const GET = api({ summary: 'Status, package, usage and limits', auth: 'client', response: clientView }, ({ db, actor }) =>
  getClient(db, actor, actor.userId),
);
