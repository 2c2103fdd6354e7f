'use client';
// Re-renders the server page every few seconds while something on it is still moving (a message
// pending or processing), so the user watches it reach "delivered" without reloading.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';

export function AutoRefresh({ active, intervalMs = 3000 }: { active: boolean; intervalMs?: number }) {
  const router = useRouter();
  const t = useTranslations('common');
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => {
      if (document.visibilityState === 'visible') router.refresh();
    }, intervalMs);
    return () => clearInterval(t);
  }, [active, intervalMs, router]);
  if (!active) return null;
  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-slate-500" role="status">
      <span className="h-2 w-2 animate-pulse rounded-full bg-brand-600" aria-hidden /> {t('updatingLive')}
    </span>
  );
}
