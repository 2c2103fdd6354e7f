// DELETE /api/reseller/api-keys/:id — revokes the key at once
import { api } from '@/lib/http/families';
import { revokeApiKey } from '@/lib/services/api-keys';
import { apiKeyView } from '@/lib/validation/responses/accounts';

export const DELETE = api({ summary: 'Revoke an API key', auth: 'reseller', response: apiKeyView }, ({ db, actor, id }) =>
  revokeApiKey(db, actor, id),
);
