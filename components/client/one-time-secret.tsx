'use client';
// A secret the server shows exactly once (password, pairing code, API key, signing secret): a monospace
// box with a copy button and the reminder that it will not be shown again.
import { useTranslations } from 'next-intl';
import { useState } from 'react';

export function OneTimeSecret({ label, value, testId, warning }: { label: string; value: string; testId?: string; warning?: string }) {
  const [copied, setCopied] = useState(false);
  const t = useTranslations('common');
  return (
    <div className="rounded-lg border border-amber-200 bg-amber-50 p-3">
      <p className="text-xs font-medium uppercase tracking-wide text-amber-800">{label}</p>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <code className="min-w-0 flex-1 break-all rounded bg-white px-2 py-1.5 font-mono text-sm" data-testid={testId}>
          {value}
        </code>
        <button
          type="button"
          className="rounded-lg border border-amber-300 bg-white px-3 py-1.5 text-xs font-medium hover:bg-amber-100"
          onClick={() => {
            navigator.clipboard?.writeText(value).then(
              () => setCopied(true),
              () => setCopied(false),
            );
          }}
        >
          {copied ? t('copied') : t('copy')}
        </button>
      </div>
      <p className="mt-1 text-xs text-amber-800" role="note">
        {warning ?? t('shownOnce')}
      </p>
    </div>
  );
}
