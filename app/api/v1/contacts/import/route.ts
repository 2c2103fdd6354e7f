// POST /api/v1/contacts/import?group_id=&phone_column=&name_column=&field_columns= with a text/csv body
// (≤ 10 MB, ≤ 100,000 rows) → {imported, updated, skipped: [{row, reason, message}]}
import { api } from '@/lib/http/families';
import { importContacts, MAX_IMPORT_BYTES } from '@/lib/services/contacts-import';
import { importContactsQuery } from '@/lib/validation/contacts';
import { importReport } from '@/lib/validation/responses/contacts';

export const POST = api(
  {
    summary: 'Import contacts from CSV (header phone|mobile|number, name, other columns become fields)',
    auth: 'client',
    query: importContactsQuery,
    rawBody: true,
    requestType: 'text/csv',
    bodyLimit: MAX_IMPORT_BYTES,
    response: importReport,
  },
  ({ db, actor, query, text }) =>
    importContacts(db, actor, text, {
      groupId: query.group_id,
      mapping: {
        phone: query.phone_column,
        name: query.name_column,
        fields: query.field_columns
          ?.split(',')
          .map((c) => c.trim())
          .filter(Boolean),
      },
    }),
);
