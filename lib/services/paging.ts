export interface Page<T> {
  data: T[];
  pagination: { page: number; limit: number; total: number; pages: number; next_cursor?: string | null };
}

export function paginated<T>(data: T[], q: { page: number; limit: number }, total: number | string): Page<T> {
  const t = Number(total);
  return { data, pagination: { page: q.page, limit: q.limit, total: t, pages: Math.ceil(t / q.limit) } };
}

/** Escapes LIKE wildcards so that a search for "50%" finds "50%", not everything. */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
