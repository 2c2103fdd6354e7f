// Requests of the address book (docs/contacts.md): contacts, groups. Shared by the API, the portal's
// server actions and the OpenAPI document.
import { z } from 'zod';
import { unicodeName } from '@/lib/text/zawgyi';
import { idParam, name, pagination, phone } from './common';

/** A merge-field key: what `{{fields.<key>}}` names in a template. */
export const FIELD_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,39}$/;
export const MAX_FIELDS = 50;

export const contactFields = z
  .record(
    z.string().regex(FIELD_KEY, 'Field names are letters, digits and _ (at most 40), starting with a letter or _.'),
    z.string({ error: 'Field values are text.' }).trim().max(500, 'A field value is at most 500 characters.').transform(unicodeName),
  )
  .refine((f) => Object.keys(f).length <= MAX_FIELDS, `At most ${MAX_FIELDS} fields.`);

const groupIds = z.array(idParam).max(100, 'At most 100 groups.');

export const contactInput = z
  .object({
    phone,
    name: name.nullable().optional(),
    fields: contactFields.optional(),
    groups: groupIds.optional(),
  })
  .strict();
export type ContactInput = z.infer<typeof contactInput>;

export const contactUpdateInput = contactInput.partial().strict();
export type ContactUpdateInput = z.infer<typeof contactUpdateInput>;

export const listContactsQuery = pagination.extend({
  /** The start of a name, or of a number in any format (national `09 420…` too). */
  search: z.string().trim().max(100).optional(),
  group_id: idParam.optional(),
});
export type ListContactsQuery = z.infer<typeof listContactsQuery>;

export const groupInput = z.object({ name }).strict();

/** POST /api/v1/contacts/import's query: the group to add everyone to, and an optional column mapping. */
export const importContactsQuery = z
  .object({
    group_id: idParam.optional(),
    phone_column: z.string().trim().min(1).max(100).optional(),
    name_column: z.string().trim().min(1).max(100).optional(),
    /** Comma-separated columns to keep as fields (default: all other columns). */
    field_columns: z.string().trim().max(2000).optional(),
  })
  .strict();
export type ImportContactsQuery = z.infer<typeof importContactsQuery>;
