// Loading placeholders for route-level loading.tsx files: the page's shape while the server renders.

function Bar({ className = '' }: { className?: string }) {
  return <div className={`animate-pulse rounded-md bg-slate-200 ${className}`} />;
}

/** A page header, an optional filter bar and a card of table rows. */
export function PageSkeleton({ rows = 6, filters = true, label = 'Loading…' }: { rows?: number; filters?: boolean; label?: string }) {
  return (
    <div role="status" aria-live="polite" aria-busy="true">
      <span className="sr-only">{label}</span>
      <div className="mb-5 space-y-2">
        <Bar className="h-7 w-48" />
        <Bar className="h-4 w-72 max-w-full" />
      </div>
      <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
        {filters && (
          <div className="mb-4 flex flex-wrap gap-2">
            <Bar className="h-10 w-full sm:w-auto sm:flex-1" />
            <Bar className="h-10 w-32" />
            <Bar className="h-10 w-24" />
          </div>
        )}
        <div className="space-y-3">
          {Array.from({ length: rows }, (_, i) => (
            <div key={i} className="flex items-center gap-3">
              <Bar className="h-4 flex-1" />
              <Bar className="hidden h-4 w-24 sm:block" />
              <Bar className="h-4 w-16" />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
