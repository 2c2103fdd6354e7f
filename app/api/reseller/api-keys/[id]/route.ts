// DELETE /api/reseller/api-keys/:id — revokes the key at once
import { withApi } from '@/lib/http/api';
import { revokeApiKey } from '@/lib/services/api-keys';

export const DELETE = withApi({ auth: 'reseller' }, ({ db, actor, id }) => revokeApiKey(db, actor, id));
