// Merge fields of templates and campaigns (docs/campaigns.md): `{{name}}`, `{{phone}}` and `{{fields.x}}`
// (a contact's own key/value fields), spaces inside the braces allowed. Any other placeholder is refused by
// name, so a typo never reaches a customer as literal braces. A missing value renders as nothing.

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const FIELD = /^fields\.([A-Za-z_][A-Za-z0-9_]{0,39})$/;

export type Placeholder = { kind: 'name' } | { kind: 'phone' } | { kind: 'field'; key: string };

export interface MergeContact {
  name: string | null;
  phone: string;
  fields: Record<string, string>;
}

function classify(inner: string): Placeholder | null {
  if (inner === 'name') return { kind: 'name' };
  if (inner === 'phone') return { kind: 'phone' };
  const f = FIELD.exec(inner);
  return f ? { kind: 'field', key: f[1] } : null;
}

/** The placeholders the text uses, in order of first use, and the ones it must not use. */
export function placeholdersOf(text: string): { known: string[]; unknown: string[] } {
  const known: string[] = [];
  const unknown: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    const tag = `{{${m[1]}}}`;
    const list = classify(m[1]) ? known : unknown;
    if (!list.includes(tag)) list.push(tag);
  }
  return { known, unknown };
}

/** The message for one recipient. Phones are shown as stored (E.164). */
export function renderMerge(text: string, c: MergeContact): string {
  return text.replace(PLACEHOLDER, (whole, inner: string) => {
    const p = classify(inner);
    if (!p) return whole;
    if (p.kind === 'name') return c.name ?? '';
    if (p.kind === 'phone') return c.phone;
    return c.fields[p.key] ?? '';
  });
}

/** Whether the text has any placeholder at all (a plain message is the same for everyone). */
export const hasMergeFields = (text: string): boolean => placeholdersOf(text).known.length > 0;

/** The field keys `{{fields.x}}` the text uses. */
export function fieldKeysOf(text: string): string[] {
  const keys: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    const p = classify(m[1]);
    if (p?.kind === 'field' && !keys.includes(p.key)) keys.push(p.key);
  }
  return keys;
}

/** Every known placeholder occurrence: what it replaces (the whole `{{ … }}`) and what it stands for. */
export function mergeSlots(text: string): { whole: string; placeholder: Placeholder }[] {
  const out: { whole: string; placeholder: Placeholder }[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    const p = classify(m[1]);
    if (p) out.push({ whole: m[0], placeholder: p });
  }
  return out;
}
