// A labelled progress bar for SMS used against a limit.
import { useFormat } from '@/lib/i18n/format';

export function UsageBar({ label, used, limit, testId }: { label: string; used: number; limit: number; testId?: string }) {
  const f = useFormat();
  const pct = limit > 0 ? Math.min(100, Math.round((used / limit) * 100)) : 0;
  return (
    <div data-testid={testId}>
      <div className="flex items-baseline justify-between gap-2 text-sm">
        <span className="text-slate-600">{label}</span>
        <span className="tabular-nums">
          {f.number(used)} / {f.number(limit)} SMS
        </span>
      </div>
      <div
        className="mt-1 h-2 rounded-full bg-slate-100"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={limit}
        aria-valuenow={used}
      >
        <div
          className={`h-2 rounded-full ${pct >= 90 ? 'bg-red-500' : pct >= 70 ? 'bg-amber-500' : 'bg-brand-600'}`}
          style={{ width: `${pct}%` }}
        />
      </div>
    </div>
  );
}
