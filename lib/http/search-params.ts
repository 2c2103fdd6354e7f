import { z } from 'zod';
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

interface TableQuery {
  search?: string;
  status?: string;
  sort: string;
  dir: string;
  limit: number;
}

/** What a table's links carry besides the page number: filters, and sort/limit only when not the default. */
export function tableLinkParams(q: TableQuery, defaults: Pick<TableQuery, 'sort' | 'dir' | 'limit'>): Record<string, string | undefined> {
  return {
    search: q.search,
    status: q.status,
    sort: q.sort !== defaults.sort ? q.sort : undefined,
    dir: q.dir !== defaults.dir || q.sort !== defaults.sort ? q.dir : undefined,
    limit: q.limit !== defaults.limit ? String(q.limit) : undefined,
  };
}

/** A query schema that reads GET-form parameters: blank fields dropped first (see compactParams). */
export const formQuery = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => (v && typeof v === 'object' ? compactParams(v as RawSearchParams) : v), schema);
