// GET /api/openapi.json — OpenAPI 3.1, generated from the zod schemas that validate the requests
import { openApiDocument } from '@/lib/openapi/document';

export function GET(req: Request) {
  return Response.json(openApiDocument(new URL(req.url).origin));
}
