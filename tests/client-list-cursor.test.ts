// Keyset paging of the client list (lib/services/clients.ts): walking by `cursor` gives the same rows as
// walking by `page`, in every sort, with no row twice or missing; a forged cursor is a 400.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET as listRoute } from '@/app/api/reseller/clients/route';
import type { DbHandle } from '@/db';
import type { Actor } from '@/lib/auth/permissions';
import { listClients } from '@/lib/services/clients';
import { useTestDbForRoutes } from './helpers/db';
import { makeAdmin, makeClient, makeReseller } from './helpers/fixtures';
import { call, expectError } from './helpers/http';
import { apiKeyFor } from './helpers/reseller-keys';

let h: DbHandle;
let reseller: Actor;
beforeAll(async () => {
  h = await useTestDbForRoutes();
  const admin = await makeAdmin(h.db);
  reseller = (await makeReseller(h.db, admin)).actor;
  // Several clients in the same millisecond: the cursor must keep PostgreSQL's microseconds apart.
  for (let i = 0; i < 7; i++) await makeClient(h.db, reseller);
});
afterAll(async () => {
  await h.close();
});

describe('cursor paging', () => {
  for (const sort of ['created_at', 'name', 'expiry'] as const) {
    for (const dir of ['asc', 'desc'] as const) {
      test(`sort ${sort} ${dir}: cursor pages equal offset pages`, async () => {
        const q = { page: 1, limit: 3, sort, dir };
        const byPage: number[] = [];
        for (let page = 1; page <= 3; page++) byPage.push(...(await listClients(h.db, reseller, { ...q, page })).data.map((c) => c.id));
        const byCursor: number[] = [];
        let cursor: string | undefined;
        for (;;) {
          const p = await listClients(h.db, reseller, { ...q, cursor });
          byCursor.push(...p.data.map((c) => c.id));
          expect(p.pagination.total).toBe(7);
          if (!p.pagination.next_cursor) break;
          cursor = p.pagination.next_cursor;
        }
        expect(byCursor).toEqual(byPage);
        expect(new Set(byCursor).size).toBe(7);
      });
    }
  }

  test('the API returns next_cursor and refuses a forged one', async () => {
    const key = await apiKeyFor(h.db, reseller);
    const first = await call(listRoute, 'GET', '/api/reseller/clients', { token: key.key, query: { limit: 5 } });
    expect(first.status).toBe(200);
    const next = (first.json.pagination as { next_cursor: string }).next_cursor;
    const second = await call(listRoute, 'GET', '/api/reseller/clients', { token: key.key, query: { limit: 5, cursor: next } });
    expect((second.json.data as unknown[]).length).toBe(2);
    expect((second.json.pagination as { next_cursor: string | null }).next_cursor).toBeNull();
    expectError(
      await call(listRoute, 'GET', '/api/reseller/clients', { token: key.key, query: { cursor: 'bm90LWpzb24' } }),
      400,
      'validation_failed',
    );
  });
});
