// GET /api/v1/messages?status=&phone=&search=&from=&to=&page=&limit=
import { withApi } from '@/lib/http/api';
import { listMessages } from '@/lib/services/messages';
import { clientPhoneCountry } from '@/lib/services/recipients';
import { getSettings } from '@/lib/services/settings';
import { listMessagesQuery } from '@/lib/validation/messages';

export const GET = withApi({ auth: 'client', query: listMessagesQuery }, async ({ db, actor, query }) =>
  listMessages(db, actor, query, (await getSettings(db)).time_zone, await clientPhoneCountry(db, actor.userId)),
);
