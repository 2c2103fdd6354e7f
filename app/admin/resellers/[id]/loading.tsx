// A reseller's page while it renders: header, three balance cards, the forms and the ledger.
import { useTranslations } from 'next-intl';

function Bar({ className = '' }: { className?: string }) {
  return <div className={`animate-pulse rounded-md bg-slate-200 ${className}`} />;
}

export default function Loading() {
  const t = useTranslations('loading');
  return (
    <div role="status" aria-live="polite" aria-busy="true">
      <span className="sr-only">{t('reseller')}</span>
      <div className="mb-5 flex flex-wrap items-end justify-between gap-3">
        <div className="space-y-2">
          <Bar className="h-3 w-20" />
          <Bar className="h-7 w-56 max-w-full" />
          <Bar className="h-4 w-44" />
        </div>
        <div className="flex gap-2">
          <Bar className="h-10 w-28" />
          <Bar className="h-10 w-16" />
          <Bar className="h-10 w-20" />
        </div>
      </div>
      <div className="mb-5 grid grid-cols-2 gap-3 sm:grid-cols-3">
        {Array.from({ length: 3 }, (_, i) => (
          <div key={i} className="space-y-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <Bar className="h-3 w-24" />
            <Bar className="h-7 w-28" />
          </div>
        ))}
      </div>
      <div className="grid gap-5 lg:grid-cols-5">
        <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm lg:col-span-2">
          {Array.from({ length: 4 }, (_, i) => (
            <Bar key={i} className="h-10" />
          ))}
        </div>
        <div className="grid grid-cols-1 gap-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:grid-cols-2 lg:col-span-3">
          {Array.from({ length: 8 }, (_, i) => (
            <Bar key={i} className="h-9" />
          ))}
        </div>
      </div>
      <div className="mt-5 space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        {Array.from({ length: 6 }, (_, i) => (
          <Bar key={i} className="h-4" />
        ))}
      </div>
    </div>
  );
}
