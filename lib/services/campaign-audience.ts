// A campaign's audience (docs/campaigns.md): its groups' contacts, the contacts named, and numbers typed,
// in that order; each number once (later ones are `duplicate`), typed numbers parsed in the client's country
// (`invalid` when they are not numbers), blocklisted numbers `opted_out`. A typed number that is a contact
// gets that contact's merge fields. Each recipient's text is rendered here.
import 'server-only';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db';
import type { CampaignSkipped } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { parsePhone } from '@/lib/phone';
import { smsLength } from '@/lib/sms/encoding';
import { renderMerge } from '@/lib/sms/merge-fields';
import { assertOwnGroups } from './contact-groups';
import { clientPhoneCountry } from './recipients';
import { pgArray } from './usage';

export interface AudienceInput {
  group_ids?: number[];
  contact_ids?: number[];
  phones?: string[];
}

export interface Recipient {
  phone: string;
  contactId: number | null;
  name: string | null;
  text: string;
  segments: number;
  encoding: 'gsm7' | 'ucs2';
}

interface ContactRow {
  id: number;
  phone: string;
  name: string | null;
  fields: Record<string, string> | string;
}

const fieldsOf = (f: ContactRow['fields']): Record<string, string> => (typeof f === 'string' ? JSON.parse(f) : (f ?? {}));

/** Phones among `phones` that the client has blocked (opted out). */
export async function blockedAmong(db: Db, clientId: number, phones: string[]): Promise<Set<string>> {
  if (!phones.length) return new Set();
  const rows = rowsOf<{ phone: string }>(
    await db.execute(sql`select phone from blocklist where client_id = ${clientId} and phone = any(${pgArray(phones)}::text[])`),
  );
  return new Set(rows.map((r) => r.phone));
}

export async function resolveAudience(
  db: Db,
  clientId: number,
  input: AudienceInput,
  text: string,
): Promise<{ recipients: Recipient[]; skipped: CampaignSkipped }> {
  const groupIds = await assertOwnGroups(db, clientId, input.group_ids ?? [], 'group_ids');
  const contactIds = [...new Set(input.contact_ids ?? [])];
  const skipped: CampaignSkipped = { opted_out: 0, duplicate: 0, invalid: 0 };
  const rows: ContactRow[] = [];
  if (groupIds.length || contactIds.length) {
    const found = rowsOf<ContactRow>(
      await db.execute(sql`select c.id, c.phone, c.name, c.fields from contacts c
        where c.client_id = ${clientId} and (c.id = any(${pgArray(contactIds)}::int[])
          or exists (select 1 from contact_group_members m where m.contact_id = c.id and m.group_id = any(${pgArray(groupIds)}::int[])))
        order by c.id`),
    );
    const have = new Set(found.map((c) => Number(c.id)));
    const missing = contactIds.filter((id) => !have.has(id));
    if (missing.length) {
      const msg = `No such contact: ${missing.slice(0, 20).join(', ')}.`;
      throw new DomainError('validation_failed', msg, { fields: { contact_ids: [msg] } });
    }
    rows.push(...found);
  }
  if (input.phones?.length) {
    const country = await clientPhoneCountry(db, clientId);
    const typed: string[] = [];
    for (const raw of input.phones) {
      const p = parsePhone(raw, country);
      if (p.ok) typed.push(p.e164);
      else skipped.invalid++;
    }
    const known = new Map(
      rowsOf<ContactRow>(
        await db.execute(
          sql`select id, phone, name, fields from contacts where client_id = ${clientId} and phone = any(${pgArray(typed)}::text[])`,
        ),
      ).map((c) => [c.phone, c]),
    );
    for (const phone of typed) rows.push(known.get(phone) ?? { id: 0, phone, name: null, fields: {} });
  }
  const seen = new Set<string>();
  const unique: ContactRow[] = [];
  for (const r of rows) {
    if (seen.has(r.phone)) skipped.duplicate++;
    else {
      seen.add(r.phone);
      unique.push(r);
    }
  }
  const blocked = await blockedAmong(db, clientId, [...seen]);
  const recipients: Recipient[] = [];
  for (const r of unique) {
    if (blocked.has(r.phone)) {
      skipped.opted_out++;
      continue;
    }
    const out = renderMerge(text, { name: r.name, phone: r.phone, fields: fieldsOf(r.fields) });
    const len = smsLength(out);
    recipients.push({
      phone: r.phone,
      contactId: Number(r.id) || null,
      name: r.name,
      text: out,
      segments: len.segments,
      encoding: len.encoding,
    });
  }
  return { recipients, skipped };
}
