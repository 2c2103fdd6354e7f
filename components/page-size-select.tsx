'use client';
// Rows per page for a server-paged list: choosing a size follows a link with the new limit (back to page 1).
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';

export function PageSizeSelect({ sizes, value, href }: { sizes: number[]; value: number; href: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const t = useTranslations('list');
  return (
    <label className="flex items-center gap-1.5">
      <span>{t('rows')}</span>
      <select
        value={value}
        disabled={pending}
        onChange={(e) => {
          const url = href.replace('__LIMIT__', e.target.value);
          startTransition(() => router.push(url, { scroll: false }));
        }}
        className="rounded-lg border border-slate-300 bg-white px-2 py-1.5"
      >
        {sizes.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
}
