'use client';
// An unexpected error on a page: a neutral message (it names no platform or brand; the title keeps the
// host's brand from the root layout), and a retry.
import { useTranslations } from 'next-intl';

export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errorPage');
  return (
    <main className="flex min-h-[60vh] items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm text-center" role="alert">
        <h1 className="text-xl font-semibold">{t('title')}</h1>
        <p className="mt-2 text-sm text-slate-600">{t('body')}</p>
        <button
          type="button"
          onClick={reset}
          className="mt-5 rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          {t('retry')}
        </button>
      </div>
    </main>
  );
}
