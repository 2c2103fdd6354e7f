// GET /api/openapi.json — OpenAPI 3.1, built from the route modules' own declarations (lib/openapi/)
import { raw } from '@/lib/http/families';
import { openApiDocument } from '@/lib/openapi/document';

export const GET = raw(
  { summary: 'The OpenAPI document', auth: 'none', response: null, hidden: true },
  async ({ req }) => Response.json(await openApiDocument(new URL(req.url).origin)),
);
