// Next.js page searchParams → plain strings: repeated keys keep their first value, blank ones are
// dropped (an empty GET-form field means "no filter", not "invalid").
export type RawSearchParams = Record<string, string | string[] | undefined>;

export function compactParams(sp: RawSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(sp)) {
    const s = Array.isArray(v) ? v[0] : v;
    if (s !== undefined && s.trim() !== '') out[k] = s;
  }
  return out;
}
