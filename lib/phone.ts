// The one phone parser (libphonenumber-js, default "min" metadata: country code, lengths and leading
// digits per country), from the library's ES2015+ build `libphonenumber-js/min/es6`: the same code and
// metadata as the default entry without its ES5 helpers (Babel's object spread on every call), so a
// number parses in about a third of the time, which a 1,000-recipient send pays 1,000 times. Every place
// a number enters goes through parsePhone; every place one is shown goes through displayPhone.
// Hand-written phone rules live nowhere else.
//
//   parsePhone('09 420 000 202', 'MM')  → { ok: true, e164: '+959420000202', country: 'MM' }
//   parsePhone('0942', 'MM')            → { ok: false, reason: 'too_short', message: '…' }
//   displayPhone('+959420000202', 'MM') → '09 42000 0202'    (the viewer's own country: national format)
//   displayPhone('+66812345678', 'MM')  → '+66 81 234 5678'  (another country: international format)
//
// The default country is the admin setting `default_country` (MM); a client's own country overrides it.
import {
  type CountryCode,
  getCountries,
  getCountryCallingCode,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
} from 'libphonenumber-js/min/es6';

export type { CountryCode };

export const DEFAULT_COUNTRY: CountryCode = 'MM';

export type PhoneFailure = 'empty' | 'not_a_number' | 'too_short' | 'too_long' | 'invalid_country' | 'invalid';

export type ParsedPhone = { ok: true; e164: string; country: CountryCode | null } | { ok: false; reason: PhoneFailure; message: string };

const COUNTRIES = new Set<string>(getCountries());

/** A two-letter ISO country code libphonenumber knows ('mm' and 'MM' both are). */
export function isCountryCode(code: string | null | undefined): code is CountryCode {
  return typeof code === 'string' && COUNTRIES.has(code.toUpperCase()) && code === code.toUpperCase();
}

/** The country to parse a national number in: the first known code of the list (client's, then platform's), else MM. */
export function phoneCountry(...candidates: (string | null | undefined)[]): CountryCode {
  for (const c of candidates) {
    const up = c?.trim().toUpperCase();
    if (up && isCountryCode(up)) return up;
  }
  return DEFAULT_COUNTRY;
}

/** Why a number was refused, as a short phrase ("too short") for messages such as "“0942” is too short". */
const MESSAGES: Record<PhoneFailure, string> = {
  empty: 'no number given',
  not_a_number: 'not a phone number',
  too_short: 'too short',
  too_long: 'too long',
  invalid_country: 'unknown country code',
  invalid: 'not a valid number in its country',
};

/**
 * A number as typed (national `09 420 000 202`, international `+95 9 420 000 202`, `00 95 …`, with
 * spaces, dashes, dots or brackets) → E.164, or why not. National numbers are read in `defaultCountry`.
 */
export function parsePhone(input: string, defaultCountry: CountryCode = DEFAULT_COUNTRY): ParsedPhone {
  const text = input.trim();
  const fail = (reason: PhoneFailure): ParsedPhone => ({ ok: false, reason, message: MESSAGES[reason] });
  if (!text) return fail('empty');
  if (text.length > 40 || !/^[+(\d][\d\s().\-/]*$/.test(text)) return fail('not_a_number');
  // "00 95 …" is the international prefix typed by hand; libphonenumber reads it for some countries only.
  const normalized = text.startsWith('00') ? `+${text.slice(2)}` : text;
  const parsed = parsePhoneNumberFromString(normalized, defaultCountry);
  if (!parsed) {
    const len = validatePhoneNumberLength(normalized, defaultCountry);
    return fail(
      len === 'TOO_SHORT' ? 'too_short' : len === 'TOO_LONG' ? 'too_long' : len === 'INVALID_COUNTRY' ? 'invalid_country' : 'invalid',
    );
  }
  if (!parsed.isValid()) {
    const len = validatePhoneNumberLength(normalized, defaultCountry);
    return fail(len === 'TOO_SHORT' ? 'too_short' : len === 'TOO_LONG' ? 'too_long' : 'invalid');
  }
  return { ok: true, e164: parsed.number, country: parsed.country ?? null };
}

/** For searches: the E.164 form of what was typed when it reads as a number, else null (search as text). */
export function phoneSearchTerm(input: string, defaultCountry: CountryCode = DEFAULT_COUNTRY): string | null {
  const p = parsePhone(input, defaultCountry);
  return p.ok ? p.e164 : null;
}

/**
 * How a stored number is shown: in the national format when it belongs to the viewer's country, else in
 * the international format. Anything that is not E.164 (an alphanumeric sender such as `Google`, a short
 * code) is shown as it was stored.
 */
export function displayPhone(stored: string | null | undefined, viewerCountry: CountryCode = DEFAULT_COUNTRY): string {
  if (!stored) return '';
  if (!stored.startsWith('+')) return stored;
  const p = parsePhoneNumberFromString(stored);
  if (!p) return stored;
  return p.country === viewerCountry ? p.formatNational() : p.formatInternational();
}

/**
 * For prefix searches over stored E.164 numbers: the E.164 starts a partly typed number may have. A full
 * number gives its own E.164; `+95 9 42…`/`0095…` give `+95942…`; a national `09 42…` drops the trunk 0
 * and takes the country's calling code; bare digits may be either. Null when the text is not digits.
 */
export function phonePrefixes(input: string, country: CountryCode = DEFAULT_COUNTRY): string[] | null {
  const text = input.trim();
  if (!/^[+(\d][\d\s().\-/]*$/.test(text)) return null;
  const full = parsePhone(text, country);
  if (full.ok) return [full.e164];
  const digits = text.replace(/\D/g, '');
  if (!digits) return null;
  const cc = getCountryCallingCode(country);
  if (text.startsWith('+')) return [`+${digits}`];
  if (digits.startsWith('00')) return [`+${digits.slice(2)}`];
  if (digits.startsWith('0')) return [`+${cc}${digits.slice(1)}`];
  return [`+${cc}${digits}`, `+${digits}`];
}
