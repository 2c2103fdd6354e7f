// SMPP addresses → E.164. Destination TON/NPI are honoured: TON 1 (international) `959…` is `+959…`,
// TON 2 (national) `09…` is read in the client's country, TON 0 (unknown) is tried as national first and
// then as international. Alphanumeric (TON 5) or anything that is not a valid number is refused.
// The parsing itself is the one phone parser (lib/phone.ts), as everywhere else numbers enter.
import { type CountryCode, parsePhone } from '@/lib/phone';

export const TON = { UNKNOWN: 0, INTERNATIONAL: 1, NATIONAL: 2, ALPHANUMERIC: 5 } as const;

function valid(text: string, country: CountryCode): string | null {
  const p = parsePhone(text, country);
  return p.ok ? p.e164 : null;
}

/** The E.164 number a destination_addr names, or null (→ ESME_RINVDSTADR). */
export function destinationToE164(addr: string, ton: number, country: CountryCode): string | null {
  const a = addr.trim();
  if (ton === TON.ALPHANUMERIC || !/^\+?\d{3,20}$/.test(a)) return null;
  const digits = a.replace(/^\+/, '');
  if (ton === TON.INTERNATIONAL || a.startsWith('+')) return valid(`+${digits}`, country);
  if (ton === TON.NATIONAL) return valid(digits, country);
  if (digits.startsWith('00')) return valid(`+${digits.slice(2)}`, country);
  return valid(digits, country) ?? valid(`+${digits}`, country);
}

/** A phone number as the source or destination of a deliver_sm: international digits, or the text as it came. */
export function smppAddress(phone: string): { addr: string; ton: number; npi: number } {
  if (/^\+\d{3,20}$/.test(phone)) return { addr: phone.slice(1), ton: TON.INTERNATIONAL, npi: 1 };
  if (/^\d{1,20}$/.test(phone)) return { addr: phone, ton: TON.UNKNOWN, npi: 1 };
  // Alphanumeric senders (as phones report them) go as TON 5, cut to the field's 11 characters.
  return { addr: phone.replace(/[^\x20-\x7e]/g, '').slice(0, 11), ton: TON.ALPHANUMERIC, npi: 0 };
}
