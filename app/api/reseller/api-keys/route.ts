// GET|POST /api/reseller/api-keys — POST {name} → 201 {id, name, key}; the key is shown only here
import { withApi } from '@/lib/http/api';
import { createApiKey, listApiKeys } from '@/lib/services/api-keys';
import { apiKeyInput } from '@/lib/validation/branding';

export const GET = withApi({ auth: 'reseller' }, async ({ db, actor }) => ({ data: await listApiKeys(db, actor) }));

export const POST = withApi({ auth: 'reseller', body: apiKeyInput, status: 201 }, ({ db, actor, body }) =>
  createApiKey(db, actor, body.name),
);
