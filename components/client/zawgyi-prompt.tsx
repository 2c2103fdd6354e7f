'use client';
// The send form's Zawgyi check (docs/zawgyi.md): when the message looks like Zawgyi (probability ≥ 0.95) it
// offers the Unicode conversion with a preview. "Use Unicode" puts the converted text in the box; "Keep as
// typed" sends it unchanged (keep_encoding). The detector loads only once the text has Myanmar letters.
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

type Zawgyi = typeof import('@/lib/text/zawgyi');
const MYANMAR = /[\u1000-\u109F]/;

export interface ZawgyiCheck {
  /** Non-null while the text looks like Zawgyi and no choice was made: its Unicode conversion. */
  offer: string | null;
  kept: boolean;
  /** What will be sent: the conversion unless kept (the server converts the same way). */
  sendText: string;
  keep: () => void;
  reset: () => void;
}

export function useZawgyi(text: string): ZawgyiCheck {
  const [lib, setLib] = useState<Zawgyi | null>(null);
  const [keptFor, setKeptFor] = useState<string | null>(null);
  const needed = MYANMAR.test(text);
  useEffect(() => {
    if (needed && !lib) import('@/lib/text/zawgyi').then(setLib);
  }, [needed, lib]);
  const kept = keptFor !== null && keptFor === text;
  const converted = lib && needed ? lib.toUnicode(text) : null;
  const offer = converted?.converted && !kept ? converted.text : null;
  return {
    offer,
    kept,
    sendText: converted?.converted && !kept ? converted.text : text,
    keep: () => setKeptFor(text),
    reset: () => setKeptFor(null),
  };
}

export function ZawgyiPrompt({ check, onUseUnicode }: { check: ZawgyiCheck; onUseUnicode: (text: string) => void }) {
  const t = useTranslations('zawgyi');
  if (check.kept)
    return (
      <p className="mt-2 text-xs text-amber-800" data-testid="zawgyi-kept">
        {t('kept')}{' '}
        <button type="button" onClick={check.reset} className="underline">
          {t('undo')}
        </button>
      </p>
    );
  if (!check.offer) return null;
  const converted = check.offer;
  return (
    <div className="mt-2 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm" role="status" data-testid="zawgyi-prompt">
      <p className="font-medium text-amber-900">{t('title')}</p>
      <p className="mt-1 text-amber-900">{t('body')}</p>
      <p lang="my" className="mt-2 whitespace-pre-wrap break-words rounded bg-white p-2 text-slate-900" data-testid="zawgyi-preview">
        {converted}
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        <button
          type="button"
          onClick={() => onUseUnicode(converted)}
          className="rounded-lg bg-amber-600 px-3 py-1.5 font-medium text-white hover:bg-amber-700"
          data-testid="zawgyi-use-unicode"
        >
          {t('useUnicode')}
        </button>
        <button
          type="button"
          onClick={check.keep}
          className="rounded-lg border border-amber-300 bg-white px-3 py-1.5 font-medium text-amber-900"
          data-testid="zawgyi-keep"
        >
          {t('keep')}
        </button>
      </div>
    </div>
  );
}
