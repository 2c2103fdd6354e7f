// A small server-rendered SVG bar chart, no chart library: one bar per day, the largest value on top,
// the first and last day underneath. Screen readers get a labelled figure plus a visually hidden table of
// every value; pointer users get each bar's value as its tooltip (<title>).
import { useTranslations } from 'next-intl';
import { useFormat } from '@/lib/i18n/format';
import { languageOf } from '@/lib/i18n/locales';
export interface BarDatum {
  /** A calendar day, YYYY-MM-DD (already in the platform time zone). */
  day: string;
  value: number;
}

const TONES = {
  brand: 'fill-brand-600 group-hover:fill-brand-700',
  emerald: 'fill-emerald-500 group-hover:fill-emerald-600',
  sky: 'fill-sky-500 group-hover:fill-sky-600',
} as const;

const W = 600;
const H = 160;

/**
 * The day formatters, made once per locale and style: a chart formats each day twice (tooltip, table), and
 * making an Intl.DateTimeFormat costs far more than using one (the overview page's three charts made ~180).
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "12 Jan" for a YYYY-MM-DD day, read as a calendar date (no time-zone shift). */
export function formatDay(day: string, withYear = false, locale = 'en'): string {
  const [y, m, d] = day.split('-').map(Number);
  const tag = languageOf(locale) === 'my' ? locale : 'en-GB';
  const key = `${tag}|${withYear}`;
  let format = dayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' });
    dayFormats.set(key, format);
  }
  return format.format(new Date(Date.UTC(y, m - 1, d)));
}

export function BarChart({
  id,
  title,
  data,
  formatValue,
  tone = 'brand',
  note,
}: {
  /** Unique on the page: ids for the title and the data table hang off it. */
  id: string;
  title: string;
  data: BarDatum[];
  formatValue?: (v: number) => string;
  tone?: keyof typeof TONES;
  note?: React.ReactNode;
}) {
  const t = useTranslations('chart');
  const f = useFormat();
  const fmt = formatValue ?? f.number;
  const day = (d: string, withYear = false) => formatDay(d, withYear, f.locale);
  const max = Math.max(0, ...data.map((d) => d.value));
  const total = data.reduce((s, d) => s + d.value, 0);
  const slot = data.length ? W / data.length : W;
  const gap = Math.min(4, slot * 0.2);
  const first = data[0]?.day;
  const last = data[data.length - 1]?.day;
  const summary =
    first && last
      ? t('summary', { title, from: day(first, true), to: day(last, true), total: fmt(total), max: fmt(max) })
      : t('noData', { title });
  return (
    <figure className="min-w-0" aria-labelledby={`${id}-title`} data-testid={`chart-${id}`}>
      <figcaption id={`${id}-title`} className="sr-only">
        {summary}
      </figcaption>
      <div className="mb-1 flex items-baseline justify-between gap-2 text-xs text-slate-500">
        <span>
          {t('max')}{' '}
          <span className="font-medium tabular-nums text-slate-700" data-testid={`chart-${id}-max`}>
            {fmt(max)}
          </span>
        </span>
        <span>
          {t('total')} <span className="font-medium tabular-nums text-slate-700">{fmt(total)}</span>
        </span>
      </div>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        preserveAspectRatio="none"
        className="block h-36 w-full sm:h-40"
        role="img"
        aria-label={t('barChart', { title })}
      >
        <title>{t('perDay', { title })}</title>
        {/* Top gridline at the maximum, baseline at zero. */}
        <line x1="0" x2={W} y1="0.5" y2="0.5" className="stroke-slate-200" strokeDasharray="4 4" vectorEffect="non-scaling-stroke" />
        {data.map((d, i) => {
          const h = max > 0 ? (d.value / max) * (H - 2) : 0;
          const x = i * slot + gap / 2;
          return (
            <g key={d.day} className="group">
              <title>{`${day(d.day, true)}: ${fmt(d.value)}`}</title>
              {/* A full-height transparent target so even a zero day shows its value on hover. */}
              <rect x={i * slot} y="0" width={slot} height={H} className="fill-transparent group-hover:fill-slate-100" />
              {h > 0 && <rect x={x} y={H - h} width={Math.max(1, slot - gap)} height={h} rx="1.5" className={TONES[tone]} />}
            </g>
          );
        })}
        <line x1="0" x2={W} y1={H - 0.5} y2={H - 0.5} className="stroke-slate-300" vectorEffect="non-scaling-stroke" />
      </svg>
      <div className="mt-1 flex justify-between text-xs text-slate-500" aria-hidden="true">
        <span>{first ? day(first) : ''}</span>
        <span>{last ? day(last) : ''}</span>
      </div>
      {note && <p className="mt-2 text-xs text-slate-500">{note}</p>}
      <table className="sr-only">
        <caption>{t('perDay', { title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('day')}</th>
            <th scope="col">{title}</th>
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.day}>
              <th scope="row">{day(d.day, true)}</th>
              <td>{fmt(d.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
