// GET /api/v1/profile — status, package, usage and limits
import { withApi } from '@/lib/http/api';
import { getClient } from '@/lib/services/clients';

export const GET = withApi({ auth: 'client' }, ({ db, actor }) => getClient(db, actor, actor.userId));
