// GET /api/v1/contacts/export.csv — every contact as CSV (phone, name, groups, one column per field)
import { csvDownload } from '@/lib/http/csv-download';
import { api } from '@/lib/http/families';
import { contactExport } from '@/lib/services/contacts-export';

export const dynamic = 'force-dynamic';

export const GET = api(
  { summary: 'Export contacts as CSV (imports back as it is)', auth: 'client', response: null, contentType: 'text/csv' },
  async ({ db, actor }) => {
    const { header, rows } = await contactExport(db, actor);
    return csvDownload('contacts.csv', header, rows, (r) => [r]);
  },
);
