// POST /api/v1/templates/preview {text | template_id, contact_id?, group_id?}
import { api } from '@/lib/http/families';
import { previewText } from '@/lib/services/templates';
import { previewView } from '@/lib/validation/responses/templates';
import { previewInput } from '@/lib/validation/templates';

export const POST = api(
  {
    summary: 'Preview a text with merge fields: for a real contact, and the longest result over the audience with its segments',
    auth: 'client',
    body: previewInput,
    response: previewView,
  },
  ({ db, actor, body }) => previewText(db, actor, body),
);
