// GET|POST /api/v1/templates {name, text} — text with {{name}}, {{phone}}, {{fields.x}}
import { api } from '@/lib/http/families';
import { createTemplate, listTemplates } from '@/lib/services/templates';
import { listOf } from '@/lib/validation/responses/common';
import { templateView } from '@/lib/validation/responses/templates';
import { templateInput } from '@/lib/validation/templates';

export const GET = api({ summary: 'Message templates', auth: 'client', response: listOf(templateView) }, async ({ db, actor }) => ({
  data: await listTemplates(db, actor),
}));

export const POST = api(
  {
    summary: 'Add a message template (an unknown placeholder is a 400 naming it)',
    auth: 'client',
    body: templateInput,
    status: 201,
    response: templateView,
  },
  ({ db, actor, body }) => createTemplate(db, actor, body),
);
