// Calendar days in the platform time zone → exact instants, for date filters typed as YYYY-MM-DD.

/** Minutes east of UTC that `timeZone` is at `instant` (e.g. 390 for Asia/Yangon). */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** The instant a calendar day (YYYY-MM-DD) starts in `timeZone`. */
export function zonedDayStart(day: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, d);
  let t = guess - offsetMinutes(guess, timeZone) * 60_000;
  // Once more at the found instant, in case a DST change lies between the guess and it.
  t = guess - offsetMinutes(t, timeZone) * 60_000;
  return new Date(t);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A from/to day filter as an instant range: from the start of `from` to the start of the day after `to`
 * (exclusive), both in `timeZone`. A value that is already a full timestamp is passed through.
 */
export function zonedDayRange(from: string | undefined, to: string | undefined, timeZone: string): { from?: string; to?: string } {
  const out: { from?: string; to?: string } = {};
  if (from) out.from = DAY.test(from) ? zonedDayStart(from, timeZone).toISOString() : from;
  if (to) {
    if (DAY.test(to)) {
      const next = new Date(`${to}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      out.to = zonedDayStart(next.toISOString().slice(0, 10), timeZone).toISOString();
    } else {
      out.to = to;
    }
  }
  return out;
}

/** Today's calendar day (YYYY-MM-DD) in `timeZone`, e.g. for a download's file name. */
export function zonedToday(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
