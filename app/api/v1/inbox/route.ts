// GET /api/v1/inbox?search=&unread=&page=&limit= — conversations per number, latest first, with unread counts
import { api } from '@/lib/http/families';
import { listThreads } from '@/lib/services/inbox';
import { inboxQuery } from '@/lib/validation/engagement';
import { paged } from '@/lib/validation/responses/common';
import { inboxThread } from '@/lib/validation/responses/engagement';

export const GET = api(
  {
    summary: 'Inbox: conversations (search by number or text, unread=true for unread only)',
    auth: 'client',
    query: inboxQuery,
    response: paged(inboxThread),
  },
  ({ db, actor, query }) => listThreads(db, actor, query),
);
