// CSV import of contacts (docs/contacts.md#import): parsed with csv-parse record by record, checked row by
// row, then written as one set-based upsert in one transaction, so a failed request imports nothing.
import 'server-only';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { DomainError } from '@/lib/errors';
import { parsePhone } from '@/lib/phone';
import { unicodeName } from '@/lib/text/zawgyi';
import { MAX_FIELDS } from '@/lib/validation/contacts';
import { assertOwnGroups } from './contact-groups';
import { clientPhoneCountry } from './recipients';
import { pgArray } from './usage';

export const MAX_IMPORT_ROWS = 100_000;
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

const PHONE_HEADERS = new Set(['phone', 'mobile', 'number', 'phone number', 'phone_number', 'mobile number', 'mobile_number', 'msisdn']);
const NAME_HEADERS = new Set(['name', 'full name', 'full_name']);
/** The export's `groups` column is not a field: the file of an export imports back as it was. */
const IGNORED_HEADERS = new Set(['groups']);

export type SkipReason = 'empty' | 'invalid_number' | 'duplicate';
export interface ImportReport {
  imported: number;
  updated: number;
  skipped: { row: number; reason: SkipReason; message: string }[];
}

/** Which column is what. Columns are named by their header text (as in the file) or their 0-based index. */
export interface ImportMapping {
  phone?: string;
  name?: string;
  /** Columns kept as fields (default: every column that is neither the phone nor the name). */
  fields?: string[];
}

/** The delimiter of the header line: `;` or a tab when the line has those and no comma (spreadsheets in many locales). */
function delimiterOf(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  if (first.includes(',')) return ',';
  if (first.includes(';')) return ';';
  if (first.includes('\t')) return '\t';
  return ',';
}

/** A header → a merge-field key (`Shop Name` → `shop_name`, `2nd` → `_2nd`). */
export function fieldKey(header: string): string {
  const k = header
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  if (!k) return '';
  return /^[0-9]/.test(k) ? `_${k}`.slice(0, 40) : k;
}

const norm = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();

function resolveColumns(header: string[], mapping: ImportMapping) {
  const find = (col: string | undefined, defaults: Set<string>): number => {
    if (col !== undefined) {
      const byName = header.findIndex((h) => norm(h) === norm(col));
      if (byName >= 0) return byName;
      if (/^\d+$/.test(col) && Number(col) < header.length) return Number(col);
      const msg = `The file has no column “${col}”.`;
      throw new DomainError('validation_failed', msg, { fields: { mapping: [msg] } });
    }
    return header.findIndex((h) => defaults.has(norm(h)));
  };
  const phone = find(mapping.phone, PHONE_HEADERS);
  if (phone < 0) {
    const msg = 'No phone column: name one “phone”, “mobile” or “number”, or choose it in the mapping.';
    throw new DomainError('validation_failed', msg, { fields: { file: [msg] } });
  }
  const name = find(mapping.name, NAME_HEADERS);
  const chosen = mapping.fields?.map((f) => find(f, new Set()));
  const fields: [number, string][] = [];
  const seen = new Set<string>();
  header.forEach((h, i) => {
    if (i === phone || i === name || (chosen ? !chosen.includes(i) : IGNORED_HEADERS.has(norm(h)))) return;
    const key = fieldKey(h);
    if (!key || seen.has(key) || fields.length >= MAX_FIELDS) return;
    seen.add(key);
    fields.push([i, key]);
  });
  return { phone, name, fields };
}

interface Row {
  phone: string;
  name: string | null;
  fields: Record<string, string>;
}

/** Reads the file record by record: the rows to write and what was skipped, by spreadsheet row (header = 1). */
export async function readContactsCsv(text: string, country: Parameters<typeof parsePhone>[1], mapping: ImportMapping = {}) {
  const parser = Readable.from([text]).pipe(
    parse({ bom: true, delimiter: delimiterOf(text), relax_column_count: true, skip_empty_lines: false, trim: true }),
  );
  let cols: ReturnType<typeof resolveColumns> | undefined;
  const rows: Row[] = [];
  const skipped: ImportReport['skipped'] = [];
  const firstRow = new Map<string, number>();
  let rowNo = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      rowNo++;
      // Our export writes a leading apostrophe before =, +, - and @ (a spreadsheet's "this is text").
      const record = cells.map((c) => c.replace(/^'(?=[=+\-@])/, ''));
      if (!cols) {
        cols = resolveColumns(record, mapping);
        continue;
      }
      if (rowNo - 1 > MAX_IMPORT_ROWS) {
        const msg = `A file has at most ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows.`;
        throw new DomainError('validation_failed', msg, { fields: { file: [msg] } });
      }
      if (record.every((c) => c === '')) {
        skipped.push({ row: rowNo, reason: 'empty', message: 'Empty row.' });
        continue;
      }
      const raw = record[cols.phone] ?? '';
      const p = parsePhone(raw, country);
      if (!p.ok) {
        skipped.push({ row: rowNo, reason: 'invalid_number', message: `“${raw}” is not a valid phone number (${p.message}).` });
        continue;
      }
      const first = firstRow.get(p.e164);
      if (first !== undefined) {
        skipped.push({ row: rowNo, reason: 'duplicate', message: `The same number as row ${first}.` });
        continue;
      }
      firstRow.set(p.e164, rowNo);
      const name = cols.name >= 0 && record[cols.name] ? unicodeName(record[cols.name]).slice(0, 120) : null;
      const fields: Record<string, string> = {};
      for (const [i, key] of cols.fields) if (record[i]) fields[key] = unicodeName(record[i]).slice(0, 500);
      rows.push({ phone: p.e164, name, fields });
    }
  } catch (err) {
    if (err instanceof DomainError) throw err;
    // csv-parse names the line and what is wrong (an unclosed quote, a quote inside a field).
    const msg = `The file is not valid CSV: ${err instanceof Error ? err.message : String(err)}`;
    throw new DomainError('validation_failed', msg, { fields: { file: [msg] } });
  }
  if (!cols) {
    const msg = 'The file is empty: it needs a header row (e.g. phone,name) and rows of contacts.';
    throw new DomainError('validation_failed', msg, { fields: { file: [msg] } });
  }
  return { rows, skipped };
}

/**
 * Creates the new numbers and updates the known ones (a name given replaces the old one; fields are merged,
 * the file's winning), optionally adding every imported contact to a group. One statement, one transaction.
 */
export async function importContacts(
  db: Db,
  actor: Actor,
  text: string,
  opts: { groupId?: number; mapping?: ImportMapping } = {},
): Promise<ImportReport> {
  assertCan(actor, 'contact.manage');
  const country = await clientPhoneCountry(db, actor.userId);
  if (opts.groupId !== undefined) await assertOwnGroups(db, actor.userId, [opts.groupId], 'group_id');
  const { rows, skipped } = await readContactsCsv(text, country, opts.mapping);
  if (!rows.length) return { imported: 0, updated: 0, skipped };
  const phones = pgArray(rows.map((r) => r.phone));
  const names = pgArray(rows.map((r) => r.name));
  const fields = pgArray(rows.map((r) => JSON.stringify(r.fields)));
  const group = opts.groupId ?? null;
  const [counts] = rowsOf<{ imported: number; updated: number }>(
    await db.transaction((tx) =>
      tx.execute(sql`
        with input as (
          select * from unnest(${phones}::text[], ${names}::text[], ${fields}::text[]) as t(phone, name, fields)
        ), up as (
          insert into contacts (client_id, phone, name, fields)
          select ${actor.userId}, phone, name, fields::jsonb from input
          on conflict (client_id, phone) do update
            set name = coalesce(excluded.name, contacts.name), fields = contacts.fields || excluded.fields, updated_at = now()
          returning id, (xmax = 0) as inserted
        ), grouped as (
          insert into contact_group_members (group_id, contact_id)
          select ${group}::int, id from up where ${group}::int is not null
          on conflict do nothing
        )
        select count(*) filter (where inserted)::int as imported, count(*) filter (where not inserted)::int as updated from up`),
    ),
  );
  return { imported: Number(counts.imported), updated: Number(counts.updated), skipped };
}
