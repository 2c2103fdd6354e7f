import 'server-only';
// Phone numbers at the boundary of every send (API, portal form, OTP, 3rd-party API): parsed in the
// client's country (else the platform's default) into E.164 before anything is queued or counted.
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db';
import { clients, settings } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { type CountryCode, parsePhone, phoneCountry } from '@/lib/phone';
import { getSettings, settingsFrom } from './settings';

/** The country a client's national numbers are read in: its own, else the platform's default (MM). */
export async function clientPhoneCountry(db: Db, clientId: number): Promise<CountryCode> {
  // One statement (it runs before every send): the client's country and the stored default beside it.
  const [row] = rowsOf<{ country: string | null; dc: string | null }>(
    await db.execute(sql`select ${clients.country} as country,
      (select ${settings.value} from ${settings} where ${settings.key} = 'default_country') as dc
      from ${clients} where ${clients.id} = ${clientId}`),
  );
  const fallback = settingsFrom(row?.dc ? [{ key: 'default_country', value: row.dc }] : []).default_country;
  return phoneCountry(row?.country, fallback);
}

/**
 * Whether reading these numbers needs a country: only national ones do (`+…` and `00…` name their own),
 * so a send to international numbers skips clientPhoneCountry's read (issue 12 counts a send's statements).
 */
export function needsCountry(phones: readonly string[]): boolean {
  return phones.some((p) => {
    const t = p.trim();
    return !t.startsWith('+') && !t.startsWith('00');
  });
}

/** The platform's default phone country (admin setting), for numbers that belong to no client. */
export async function platformPhoneCountry(db: Db): Promise<CountryCode> {
  return phoneCountry((await getSettings(db)).default_country);
}

/**
 * Each number as typed → E.164, in order. An invalid number or a repeated one is a 400 validation_failed
 * naming its position (`phones.2`, "Recipient 3"), and nothing is sent. `field` is the request's field
 * name; `single` names a one-number field (`phone`) without a position.
 */
export function parseRecipients(phones: string[], country: CountryCode, field = 'phones', single = false): string[] {
  const out: string[] = [];
  const seen = new Map<string, number>();
  const fields: Record<string, string[]> = {};
  const bad: { position: number; input: string; reason: string }[] = [];
  const key = (i: number) => (single ? field : `${field}.${i}`);
  for (let i = 0; i < phones.length; i++) {
    const raw = phones[i];
    const p = parsePhone(raw, country);
    if (!p.ok) {
      fields[key(i)] = [`“${raw}” is not a valid phone number (${p.message}).`];
      bad.push({ position: i + 1, input: raw, reason: p.reason });
      continue;
    }
    const first = seen.get(p.e164);
    if (first !== undefined) {
      fields[key(i)] = [`“${raw}” is the same number as recipient ${first + 1}.`];
      bad.push({ position: i + 1, input: raw, reason: 'duplicate' });
      continue;
    }
    seen.set(p.e164, i);
    out.push(p.e164);
  }
  if (bad.length) {
    const b = bad[0];
    const who = single ? `The phone number “${b.input}”` : `Recipient ${b.position} (“${b.input}”)`;
    const why = b.reason === 'duplicate' ? 'is listed twice' : 'is not a valid phone number';
    const more = bad.length > 1 ? ` ${bad.length - 1} more number(s) are not valid either.` : '';
    throw new DomainError('validation_failed', `${who} ${why}.${more}`, { fields, recipients: bad });
  }
  return out;
}

/** One profile or OTP number → E.164, or a 400 on `field`. Blank stays null. */
export function parseProfilePhone(raw: string | null | undefined, country: CountryCode, field = 'phone'): string | null {
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  const p = parsePhone(raw, country);
  if (!p.ok) {
    const msg = `Enter a valid phone number, e.g. 09 420 000 202 or +95 9 420 000 202 (“${raw}”: ${p.message}).`;
    throw new DomainError('validation_failed', msg, { fields: { [field]: [msg] } });
  }
  return p.e164;
}
