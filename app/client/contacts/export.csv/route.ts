// GET /client/contacts/export.csv — the signed-in client's contacts as CSV (same file as the API's export)
import { csvDownload } from '@/lib/http/csv-download';
import { portal } from '@/lib/http/families';
import { contactExport } from '@/lib/services/contacts-export';

export const dynamic = 'force-dynamic';

export const GET = portal(
  { summary: 'Own contacts as CSV', auth: 'client', response: null, contentType: 'text/csv', hidden: true },
  async ({ db, actor }) => {
    const { header, rows } = await contactExport(db, actor);
    return csvDownload('contacts.csv', header, rows, (r) => [r]);
  },
);
