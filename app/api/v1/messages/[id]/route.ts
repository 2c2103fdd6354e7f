// GET /api/v1/messages/:id
import { api } from '@/lib/http/families';
import { getMessage } from '@/lib/services/messages';
import { messageView } from '@/lib/validation/responses/messaging';

export const GET = api(
  { summary: 'One message with per-recipient states', auth: 'client', id: 'text', response: messageView },
  ({ db, actor, textId }) => getMessage(db, actor, textId),
);
