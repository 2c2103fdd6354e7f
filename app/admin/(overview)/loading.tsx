// The overview's shape while the stats load: eight cards, the clients strip and three charts.
import { useTranslations } from 'next-intl';

function Bar({ className = '' }: { className?: string }) {
  return <div className={`animate-pulse rounded-md bg-slate-200 ${className}`} />;
}

export default function Loading() {
  const t = useTranslations('loading');
  return (
    <div role="status" aria-live="polite" aria-busy="true">
      <span className="sr-only">{t('adminOverview')}</span>
      <div className="mb-5 space-y-2">
        <Bar className="h-7 w-40" />
        <Bar className="h-4 w-80 max-w-full" />
      </div>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="space-y-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <Bar className="h-3 w-24" />
            <Bar className="h-7 w-20" />
          </div>
        ))}
      </div>
      <div className="mt-5 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <Bar className="mb-4 h-4 w-48" />
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {Array.from({ length: 4 }, (_, i) => (
            <Bar key={i} className="h-14" />
          ))}
        </div>
      </div>
      <div className="mt-5 grid gap-5 lg:grid-cols-2">
        {Array.from({ length: 3 }, (_, i) => (
          <div key={i} className={`rounded-xl border border-slate-200 bg-white p-5 shadow-sm ${i === 2 ? 'lg:col-span-2' : ''}`}>
            <Bar className="mb-4 h-4 w-36" />
            <div className="flex h-36 items-end gap-1">
              {Array.from({ length: 30 }, (_, j) => (
                <div key={j} className="flex-1 animate-pulse rounded-sm bg-slate-200" style={{ height: `${15 + ((j * 37) % 70)}%` }} />
              ))}
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
