// GET|POST /api/v1/api-keys — the client's API keys; the key is shown once
import { api } from '@/lib/http/families';
import { createApiKey, listApiKeys } from '@/lib/services/api-keys';
import { apiKeyInput } from '@/lib/validation/branding';
import { apiKeyCreated, apiKeyView } from '@/lib/validation/responses/accounts';
import { listOf } from '@/lib/validation/responses/common';

export const GET = api({ summary: 'List API keys', auth: 'client', response: listOf(apiKeyView) }, async ({ db, actor }) => ({
  data: await listApiKeys(db, actor),
}));

export const POST = api(
  { summary: 'Create an API key (shown once)', auth: 'client', body: apiKeyInput, status: 201, response: apiKeyCreated },
  ({ db, actor, body }) => createApiKey(db, actor, body.name),
);
