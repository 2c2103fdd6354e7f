// Issue 12: the browser gets only the catalogue namespaces its client components read (lib/i18n/client-messages.ts),
// per layout. This walks the import graph from every file of a segment (app/ outside the portals = root, and
// app/admin, app/reseller, app/client) to the modules that run in the browser (a 'use client' file and all it
// imports) and checks that each useTranslations('ns') there is covered by that segment's list, and that the
// lists name nothing no client component reads. The picked catalogues keep their nesting.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_MESSAGES, type ClientMessagesScope, pickMessages } from '@/lib/i18n/client-messages';
import en from '@/messages/en.json';

const ROOT = path.resolve(import.meta.dirname, '..');
const PORTALS = ['admin', 'reseller', 'client'] as const;

function walk(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return walk(rel);
    return /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [rel] : [];
  });
}

const source = new Map<string, string>();
const read = (f: string) => {
  let s = source.get(f);
  if (s === undefined) source.set(f, (s = fs.readFileSync(path.join(ROOT, f), 'utf8')));
  return s;
};

function resolve(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = spec.slice(2);
  else if (spec.startsWith('.')) base = path.join(path.dirname(from), spec);
  else return null;
  for (const c of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (fs.existsSync(path.join(ROOT, c)) && fs.statSync(path.join(ROOT, c)).isFile() && /\.tsx?$/.test(c)) return c;
  }
  return null;
}

function imports(file: string): string[] {
  const out: string[] = [];
  for (const m of read(file).matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)) {
    const r = resolve(file, m[1]);
    if (r) out.push(r);
  }
  return out;
}

const isClient = (file: string) => /^\s*(?:\/\/[^\n]*\n\s*)*['"]use client['"]/.test(read(file));

/** The namespaces the browser-side modules reachable from these entries read, with where. */
function clientNamespaces(entries: string[]): Map<string, string> {
  const found = new Map<string, string>();
  const seen = new Set<string>();
  const stack = entries.map((f) => [f, false] as [string, boolean]);
  while (stack.length) {
    const [file, inherited] = stack.pop() as [string, boolean];
    const client = inherited || isClient(file);
    const key = `${file}|${client}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (client) {
      for (const m of read(file).matchAll(/useTranslations\(([^)]*)\)/g)) {
        const ns = /^\s*['"]([^'"]+)['"]\s*$/.exec(m[1])?.[1] ?? `(not a literal: ${m[1] || 'none'})`;
        if (!found.has(ns)) found.set(ns, file);
      }
    }
    for (const i of imports(file)) stack.push([i, client]);
  }
  return found;
}

const segments: Record<ClientMessagesScope, string[]> = {
  root: walk('app').filter((f) => !PORTALS.some((p) => f.startsWith(`app/${p}/`)) && !f.startsWith('app/api/')),
  admin: walk('app/admin'),
  reseller: walk('app/reseller'),
  client: walk('app/client'),
};

const covers = (list: readonly string[], ns: string) => list.some((p) => ns === p || ns.startsWith(`${p}.`));

describe('client components find their messages', () => {
  for (const scope of Object.keys(segments) as ClientMessagesScope[]) {
    it(`${scope}: every namespace its client components read is sent, and nothing more`, () => {
      const used = clientNamespaces(segments[scope]);
      const list = CLIENT_MESSAGES[scope];
      const missing = [...used].filter(([ns]) => !covers(list, ns)).map(([ns, file]) => `${ns} (${file})`);
      const unused = list.filter((p) => ![...used.keys()].some((ns) => ns === p || ns.startsWith(`${p}.`)));
      expect({ missing, unused }).toEqual({ missing: [], unused: [] });
    });
  }

  it('the walk sees client components behind server ones (the clients page’s page-size select)', () => {
    const used = clientNamespaces(['app/reseller/clients/page.tsx']);
    expect(used.get('list')).toBe('components/page-size-select.tsx');
    expect(used.has('clientList')).toBe(false); // ClientList translates on the server
  });

  it('picks nested paths and keeps their nesting', () => {
    const m = pickMessages(en, 'reseller') as Record<string, Record<string, unknown>>;
    expect(Object.keys(m).sort()).toEqual([...new Set(CLIENT_MESSAGES.reseller.map((p) => p.split('.')[0]))].sort());
    expect(m.reseller.pricing).toEqual(en.reseller.pricing);
    expect(m.reseller.clients).toBeUndefined();
    expect(pickMessages(en, 'reseller')).toBe(m);
    expect(JSON.stringify(m).length).toBeLessThan(JSON.stringify(en).length / 3);
  });
});
