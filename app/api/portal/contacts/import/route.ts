// POST /api/portal/contacts/import — the Contacts page's upload (browser session), the same service as
// POST /api/v1/contacts/import. Under /api so that the page proxy (1 MB body copy) is not in its way. A
// cookie-authenticated POST must come from our own page: text/csv is not a type a cross-site form can send,
// and a browser sending it from another site asks first (CORS), which we never allow; Origin, when sent,
// must be ours.
import { DomainError } from '@/lib/errors';
import { portal } from '@/lib/http/families';
import { publicOrigin } from '@/lib/http/origin';
import { importContacts, MAX_IMPORT_BYTES } from '@/lib/services/contacts-import';
import { importContactsQuery } from '@/lib/validation/contacts';
import { importReport } from '@/lib/validation/responses/contacts';

export const POST = portal(
  {
    summary: 'Import contacts from the portal',
    auth: 'client',
    query: importContactsQuery,
    rawBody: true,
    requestType: 'text/csv',
    bodyLimit: MAX_IMPORT_BYTES,
    response: importReport,
    hidden: true,
  },
  ({ db, actor, query, text, req }) => {
    const type = req.headers.get('content-type') ?? '';
    const origin = req.headers.get('origin');
    if (!/^text\/csv\b/i.test(type) || (origin !== null && origin !== publicOrigin(req))) {
      throw new DomainError('forbidden', 'Upload the file from the Contacts page.');
    }
    return importContacts(db, actor, text, {
      groupId: query.group_id,
      mapping: {
        phone: query.phone_column,
        name: query.name_column,
        fields: query.field_columns
          ?.split(',')
          .map((c) => c.trim())
          .filter(Boolean),
      },
    });
  },
);
