// SMPP time fields (validity_period, schedule_delivery_time) and the dates of a receipt's text.

/**
 * `YYMMDDhhmmsstnnp`: absolute when p is + or - (nn quarter hours from UTC), relative to now when p is R.
 * Empty: not given (null). Anything else: undefined (invalid).
 */
export function parseSmppTime(value: string, now: Date): Date | null | undefined {
  const v = value.trim();
  if (!v) return null;
  const m = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d)(\d{2})([+\-R])$/.exec(v);
  if (!m) return undefined;
  const [yy, mo, dd, hh, mi, ss, tenth, nn] = m.slice(1, 9).map(Number);
  if (m[9] === 'R') {
    // Relative: years and months as 365 and 30 days, as SMSCs commonly count them.
    const seconds = ((yy * 365 + mo * 30 + dd) * 24 + hh) * 3600 + mi * 60 + ss;
    return new Date(now.getTime() + seconds * 1000);
  }
  if (mo < 1 || mo > 12 || dd < 1 || dd > 31 || hh > 23 || mi > 59 || ss > 59 || nn > 48) return undefined;
  const utc = Date.UTC(2000 + yy, mo - 1, dd, hh, mi, ss, tenth * 100);
  const offset = (m[9] === '-' ? -1 : 1) * nn * 15 * 60_000;
  return new Date(utc - offset);
}

/** `YYMMDDhhmm` in UTC, as receipts write their submit and done dates. */
export function receiptDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCFullYear() % 100)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}`;
}
