// GET /api/v1/messages?status=&phone=&search=&from=&to=&page=&limit=
import { api } from '@/lib/http/families';
import { listMessages } from '@/lib/services/messages';
import { clientPhoneCountry } from '@/lib/services/recipients';
import { getSettings } from '@/lib/services/settings';
import { listMessagesQuery } from '@/lib/validation/messages';
import { paged } from '@/lib/validation/responses/common';
import { messageView } from '@/lib/validation/responses/messaging';

export const GET = api(
  { summary: 'Message log', auth: 'client', query: listMessagesQuery, response: paged(messageView) },
  async ({ db, actor, query }) =>
    listMessages(db, actor, query, (await getSettings(db)).time_zone, await clientPhoneCountry(db, actor.userId)),
);
