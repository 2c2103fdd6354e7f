// No interface text hard-coded in app/ or components/: every text a person reads comes from messages/*.json
// (docs/i18n.md). PENDING lists the files not converted yet; it only shrinks (a clean file still listed fails).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { literalsIn, tsxFiles } from './helpers/jsx-literals';

const ROOT = path.resolve(import.meta.dirname, '..');

// Empty: every portal, the sign-in, setup and error pages are converted (issue 13).
const PENDING = new Set<string>([]);

const found = tsxFiles(ROOT, ['app', 'components']).map((file) => ({
  file,
  literals: literalsIn(file, fs.readFileSync(path.join(ROOT, file), 'utf8')),
}));

describe('no literal interface text in JSX', () => {
  it('converted files have none', () => {
    const left = found.filter((f) => !PENDING.has(f.file)).flatMap((f) => f.literals.map((l) => `${l.file}:${l.line} ${l.text}`));
    expect(left).toEqual([]);
  });

  it('the not-yet-converted list only names files that still need it', () => {
    const clean = found.filter((f) => PENDING.has(f.file) && f.literals.length === 0).map((f) => f.file);
    const gone = [...PENDING].filter((f) => !found.some((x) => x.file === f));
    expect([...clean, ...gone]).toEqual([]);
  });

  it('the finder sees text, visible attributes and option labels, and lets names and data through', () => {
    const src = `export const A = () => (
      <div title="Hello there" data-testid="x-y" className="p-2">
        Send now {'Click me'} {name} — 42 SMS
        <input placeholder="Search…" aria-label={t('x')} />
        <F fields={[{ name: 'email', label: 'Email' }]} />
        <p>{t('ok')}</p>
      </div>
    );`;
    expect(literalsIn('x.tsx', src).map((l) => l.text)).toEqual(['Hello there', 'Send now', 'Click me', 'Search…', 'Email']);
  });
});
