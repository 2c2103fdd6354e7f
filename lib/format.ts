// Display formatting shared by pages and components (no business rules here).
export const PLATFORM_TIME_ZONE = 'Asia/Yangon';

// An Intl formatter costs far more to make than to use: one per time zone, made once.
const NUMBER = new Intl.NumberFormat('en-US');
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormat(timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${withTime ? 't' : 'd'}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      'en-GB',
      withTime ? { dateStyle: 'medium', timeStyle: 'short', timeZone } : { dateStyle: 'medium', timeZone },
    );
    formatters.set(key, f);
  }
  return f;
}

export function formatMoney(amount: number, currency = 'MMK'): string {
  return `${NUMBER.format(amount)} ${currency}`;
}

export function formatDate(iso: string | Date | null | undefined, timeZone = PLATFORM_TIME_ZONE): string {
  if (!iso) return '—';
  return dateFormat(timeZone, false).format(new Date(iso));
}

export function formatDateTime(iso: string | Date | null | undefined, timeZone = PLATFORM_TIME_ZONE): string {
  if (!iso) return '—';
  return dateFormat(timeZone, true).format(new Date(iso));
}

/** Whole days left until `iso` (0 when past), as the portals show "3 days left". */
export function daysLeft(iso: string | null | undefined, now = new Date()): number {
  if (!iso) return 0;
  return Math.max(0, Math.ceil((new Date(iso).getTime() - now.getTime()) / 86_400_000));
}
