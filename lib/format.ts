// Display formatting shared by pages and components (no business rules here).
export const PLATFORM_TIME_ZONE = 'Asia/Yangon';

export function formatMoney(amount: number, currency = 'MMK'): string {
  return `${new Intl.NumberFormat('en-US').format(amount)} ${currency}`;
}

export function formatDate(iso: string | Date | null | undefined, timeZone = PLATFORM_TIME_ZONE): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone }).format(new Date(iso));
}

export function formatDateTime(iso: string | Date | null | undefined, timeZone = PLATFORM_TIME_ZONE): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** Whole days left until `iso` (0 when past), as the portals show "3 days left". */
export function daysLeft(iso: string | null | undefined, now = new Date()): number {
  if (!iso) return 0;
  return Math.max(0, Math.ceil((new Date(iso).getTime() - now.getTime()) / 86_400_000));
}
