// Both catalogs hold exactly the same keys with the same {placeholders}: a text added in one language only
// fails here (docs/i18n.md).
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import my from '@/messages/my.json';

type Tree = { [k: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

/** ICU argument names ({name}, {count, plural, …}) and rich-text tags (<b>…</b>). */
function args(message: string): string[] {
  const names = [...message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*[,}]/g)].map((m) => m[1]);
  const tags = [...message.matchAll(/<([A-Za-z][\w]*)>/g)].map((m) => `<${m[1]}>`);
  return [...new Set([...names, ...tags])].sort();
}

function missingKeys(a: Tree, b: Tree): string[] {
  const bKeys = leaves(b);
  return [...leaves(a).keys()].filter((k) => !bKeys.has(k));
}

const EN = leaves(en as Tree);
const MY = leaves(my as Tree);

describe('message catalogs', () => {
  it('every English key has a Burmese message', () => {
    expect(missingKeys(en as Tree, my as Tree)).toEqual([]);
  });

  it('every Burmese key exists in English (no stale keys)', () => {
    expect(missingKeys(my as Tree, en as Tree)).toEqual([]);
  });

  it('the check itself notices a missing key on either side', () => {
    expect(missingKeys({ a: { b: 'x', c: 'y' } }, { a: { b: 'x' } })).toEqual(['a.c']);
    expect(missingKeys({ a: 'x' }, { a: { b: 'x' } })).toEqual(['a']);
  });

  it('both languages use the same placeholders in each message', () => {
    const diff = [...EN].filter(([k, v]) => JSON.stringify(args(v)) !== JSON.stringify(args(MY.get(k) ?? v))).map(([k]) => k);
    expect(diff).toEqual([]);
  });

  it('no message is empty, and the Burmese catalog is written in Burmese script', () => {
    expect([...EN, ...MY].filter(([, v]) => !v.trim()).map(([k]) => k)).toEqual([]);
    const burmese = [...MY.values()].filter((v) => /[\u1000-\u109f]/.test(v)).length;
    expect(burmese / MY.size).toBeGreaterThan(0.8);
    // Unicode stores the vowel sign E (U+1031) after its consonant; Zawgyi types it first. One at the start
    // of a word means text in the legacy encoding slipped in.
    expect([...MY].filter(([, v]) => /(^|[\s(“"])\u1031/.test(v)).map(([k]) => k)).toEqual([]);
  });
});

describe('audit actions', () => {
  it('every labelled audit action has a message in the catalogs (auditAction.<area>.<verb>)', async () => {
    const { AUDIT_ACTION_LABEL } = await import('@/lib/audit-labels');
    const missing = Object.keys(AUDIT_ACTION_LABEL).filter((code) => !EN.has(`auditAction.${code}`) || !MY.has(`auditAction.${code}`));
    expect(missing).toEqual([]);
  });
});
