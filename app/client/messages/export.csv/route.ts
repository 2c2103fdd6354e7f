// GET /client/messages/export.csv?status=&search=&from=&to= — the client's filtered message log as CSV
// (client browser session). Streams batch by batch, so a log of any length never sits in memory.
import { formatDateTime } from '@/lib/format';
import { csvDownload } from '@/lib/http/csv-download';
import { portal } from '@/lib/http/families';
import { formQuery } from '@/lib/http/search-params';
import { clientMessageExport } from '@/lib/services/message-export';
import { clientPhoneCountry } from '@/lib/services/recipients';
import { getSettings } from '@/lib/services/settings';
import { zonedToday } from '@/lib/time';
import { listMessagesQuery } from '@/lib/validation/messages';

export const dynamic = 'force-dynamic';

const HEADER = [
  'id',
  'created_at_utc',
  'local_time',
  'state',
  'recipient',
  'recipient_state',
  'recipient_error',
  'message',
  'encoding',
  'segments',
  'device_id',
  'source',
  'error',
];

export const GET = portal(
  {
    summary: 'Own filtered message log as CSV',
    auth: 'client',
    query: formQuery(listMessagesQuery),
    response: null,
    contentType: 'text/csv',
    hidden: true,
  },
  async ({ db, actor, query: q }) => {
    const tz = (await getSettings(db)).time_zone;
    const batches = await clientMessageExport(
      db,
      actor,
      { status: q.status, phone: q.phone, search: q.search, from: q.from, to: q.to },
      tz,
      await clientPhoneCountry(db, actor.userId),
    );
    return csvDownload(`messages-${zonedToday(tz)}.csv`, HEADER, batches, (m) =>
      m.recipients.map((r) => [
        // One line per recipient, so each phone's own state is in the file.
        m.id,
        m.created_at,
        formatDateTime(m.created_at, tz),
        m.state,
        r.phone,
        r.state,
        r.error,
        m.message,
        m.encoding,
        m.segments,
        m.device_id,
        m.source,
        m.error,
      ]),
    );
  },
);
