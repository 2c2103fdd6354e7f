// GET /api/v1/blocklist?search=&page=&limit= · POST {phone | phones[]} · DELETE ?phone= — the numbers the
// client never sends to (opted out by a stop word, or added by hand); every send skips them (docs/engagement.md)
import { api } from '@/lib/http/families';
import { addToBlocklist, listBlocklist, removeFromBlocklist } from '@/lib/services/blocklist';
import { blocklistAdd, blocklistQuery, blocklistRemove } from '@/lib/validation/engagement';
import { paged } from '@/lib/validation/responses/common';
import { blockedView, blocklistAdded, blocklistRemoved } from '@/lib/validation/responses/engagement';

export const GET = api(
  { summary: 'Blocklisted (opted-out) numbers, newest first', auth: 'client', query: blocklistQuery, response: paged(blockedView) },
  ({ db, actor, query }) => listBlocklist(db, actor, query),
);

export const POST = api(
  {
    summary: 'Block numbers: no send (API, portal, SMPP, campaigns) reaches them, none counts against the quota',
    auth: 'client',
    body: blocklistAdd,
    status: 201,
    response: blocklistAdded,
  },
  ({ db, actor, body }) => addToBlocklist(db, actor, body.phones ?? (body.phone ? [body.phone] : [])),
);

export const DELETE = api(
  { summary: 'Unblock a number (?phone=)', auth: 'client', query: blocklistRemove, response: blocklistRemoved },
  ({ db, actor, query }) => removeFromBlocklist(db, actor, query.phone),
);
