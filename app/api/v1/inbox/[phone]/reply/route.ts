// POST /api/v1/inbox/:phone/reply {message} → 202 — sent through the phone that received the conversation's latest SMS
import { api } from '@/lib/http/families';
import { replyToThread } from '@/lib/services/inbox';
import { inboxReply } from '@/lib/validation/engagement';
import { inboxReplyView } from '@/lib/validation/responses/engagement';

export const POST = api(
  {
    summary: 'Reply in a conversation (through the phone that received it; counted against the quota)',
    auth: 'client',
    body: inboxReply,
    status: 202,
    response: inboxReplyView,
    errors: [403, 422, 429],
  },
  ({ db, actor, params, body }) => replyToThread(db, actor, params.phone ?? '', body.message, 'api'),
);
