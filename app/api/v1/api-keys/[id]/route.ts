// DELETE /api/v1/api-keys/:id
import { withApi } from '@/lib/http/api';
import { revokeApiKey } from '@/lib/services/api-keys';

export const DELETE = withApi({ auth: 'client' }, ({ db, actor, id }) => revokeApiKey(db, actor, id));
