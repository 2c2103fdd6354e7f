// No interface text hard-coded in app/ or components/: every text a person reads comes from messages/*.json
// (docs/i18n.md). PENDING lists the files not converted yet; it only shrinks (a clean file still listed fails).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { literalsIn, tsxFiles } from './helpers/jsx-literals';

const ROOT = path.resolve(import.meta.dirname, '..');

const PENDING = new Set([
  'app/admin/(overview)/loading.tsx',
  'app/admin/(overview)/page.tsx',
  'app/admin/audit/audit-filters.tsx',
  'app/admin/audit/page.tsx',
  'app/admin/clients/page.tsx',
  'app/admin/packages/[id]/page.tsx',
  'app/admin/packages/page.tsx',
  'app/admin/resellers/[id]/_sections/credit-forms.tsx',
  'app/admin/resellers/[id]/edit/page.tsx',
  'app/admin/resellers/[id]/loading.tsx',
  'app/admin/resellers/[id]/page.tsx',
  'app/admin/resellers/new/page.tsx',
  'app/admin/resellers/page.tsx',
  'app/admin/settings/admins-table.tsx',
  'app/admin/settings/page.tsx',
  'app/admin/topups/page.tsx',
  'app/admin/topups/topup-decision.tsx',
  'app/client/smpp/page.tsx',
  'app/docs/api/page.tsx',
  'components/delete-reseller-dialog.tsx',
  'components/reseller-form.tsx',
  'components/reseller-table.tsx',
  'components/subdomain-field.tsx',
]);

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
