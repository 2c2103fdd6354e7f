// GET /api/v1/inbox/:phone — one conversation, both directions, newest first; marks it read
import { api } from '@/lib/http/families';
import { getThread } from '@/lib/services/inbox';
import { inboxConversation } from '@/lib/validation/responses/engagement';

export const GET = api(
  { summary: 'A conversation: received and sent SMS of one number (marks it read)', auth: 'client', response: inboxConversation },
  ({ db, actor, params }) => getThread(db, actor, params.phone ?? ''),
);
