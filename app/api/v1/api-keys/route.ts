// GET|POST /api/v1/api-keys — the client's API keys; the key is shown once
import { withApi } from '@/lib/http/api';
import { createApiKey, listApiKeys } from '@/lib/services/api-keys';
import { apiKeyInput } from '@/lib/validation/branding';

export const GET = withApi({ auth: 'client' }, async ({ db, actor }) => ({ data: await listApiKeys(db, actor) }));

export const POST = withApi({ auth: 'client', body: apiKeyInput, status: 201 }, ({ db, actor, body }) =>
  createApiKey(db, actor, body.name),
);
