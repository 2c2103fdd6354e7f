// CSV import of contacts (docs/contacts.md#import): the report names each skipped row (invalid number,
// duplicate in the file, empty row) by its row in the file; known numbers are updated, not duplicated;
// headers map by name (phone|mobile|number, name, the rest are fields) or by an explicit mapping; BOM,
// CRLF, `;` separators, quoted fields with newlines, Burmese and Zawgyi names; nothing is imported when
// the request fails (unknown column, unclosed quote, too many rows, too large).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POST as importRoute } from '@/app/api/v1/contacts/import/route';
import { GET as listContactsRoute } from '@/app/api/v1/contacts/route';
import { POST as createGroupRoute } from '@/app/api/v1/groups/route';
import type { DbHandle } from '@/db';
import type { Actor } from '@/lib/auth/permissions';
import { MAX_IMPORT_ROWS } from '@/lib/services/contacts-import';
import { checkContract } from './helpers/contract';
import { useTestDbForRoutes } from './helpers/db';
import { makeAdmin } from './helpers/fixtures';
import { gatewayClient } from './helpers/gateway';
import { type ApiAnswer, assertNoLeak, call, expectError, fieldsOf } from './helpers/http';

let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await useTestDbForRoutes();
  admin = await makeAdmin(h.db);
});
afterAll(async () => {
  await h.close();
});

async function upload(token: string, csv: string, query: Record<string, string | number> = {}): Promise<ApiAnswer> {
  const url = new URL('http://test/api/v1/contacts/import');
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, String(v));
  const req = new Request(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body: csv });
  const res = await importRoute(req, { params: Promise.resolve({}) });
  const text = await res.text();
  assertNoLeak(text);
  if (importRoute.meta) checkContract(importRoute.meta, false, res.status, text, 'POST /api/v1/contacts/import');
  return { status: res.status, json: JSON.parse(text), text };
}

type Contact = { phone: string; name: string | null; fields: Record<string, string>; groups: { id: number }[] };
async function contactsOf(token: string, query: Record<string, string | number> = {}): Promise<Contact[]> {
  const a = await call(listContactsRoute, 'GET', '/api/v1/contacts', { token, query: { limit: 100, ...query } });
  return (a.json.data as Contact[]).sort((x, y) => x.phone.localeCompare(y.phone));
}

describe('POST /api/v1/contacts/import', () => {
  test('reports an invalid number, a duplicate and an empty row by their row; imports the rest', async () => {
    const c = await gatewayClient(h.db, admin);
    const csv = [
      'phone,name,city',
      '09420000701,Aye,Yangon',
      '0942,Bad,Mandalay',
      '',
      '+95 9 420 000 701,Again,Bago',
      '09420000702,Bo,',
    ].join('\n');
    const a = await upload(c.token, csv);
    expect(a.status).toBe(200);
    expect(a.json).toEqual({
      imported: 2,
      updated: 0,
      skipped: [
        { row: 3, reason: 'invalid_number', message: expect.stringContaining('0942') },
        { row: 4, reason: 'empty', message: expect.any(String) },
        { row: 5, reason: 'duplicate', message: 'The same number as row 2.' },
      ],
    });
    expect(await contactsOf(c.token)).toEqual([
      expect.objectContaining({ phone: '+959420000701', name: 'Aye', fields: { city: 'Yangon' } }),
      expect.objectContaining({ phone: '+959420000702', name: 'Bo', fields: {} }),
    ]);
  });

  test('a number already in the address book is updated (name replaced, fields merged), not duplicated', async () => {
    const c = await gatewayClient(h.db, admin);
    await upload(c.token, 'mobile,name,city,tier\n09420000711,Old,Yangon,gold\n');
    const a = await upload(c.token, 'Number,Name,City\n+959420000711,New,Bago\n09420000712,,\n');
    expect(a.json).toEqual({ imported: 1, updated: 1, skipped: [] });
    const [first, second] = await contactsOf(c.token);
    expect(first).toMatchObject({ name: 'New', fields: { city: 'Bago', tier: 'gold' } });
    expect(second).toMatchObject({ phone: '+959420000712', name: null });
  });

  test('BOM, CRLF, semicolons, quoted fields with newlines and commas, Burmese and Zawgyi names', async () => {
    const c = await gatewayClient(h.db, admin);
    const zawgyi = 'ေမာင္ေမာင္ ျမင့္';
    const csv = `\uFEFFphone;name;Shop Name\r\n09420000721;"Ko Ko, Jr.";"Line 1\r\nLine 2"\r\n09420000722;${zawgyi};x\r\n09420000723;မောင်မောင်;"say ""hi"""\r\n`;
    const a = await upload(c.token, csv);
    expect(a.json).toEqual({ imported: 3, updated: 0, skipped: [] });
    const rows = await contactsOf(c.token);
    expect(rows.map((r) => r.name)).toEqual(['Ko Ko, Jr.', 'မောင်မောင် မြင့်', 'မောင်မောင်']);
    expect(rows[0].fields).toEqual({ shop_name: 'Line 1\r\nLine 2' });
    expect(rows[2].fields).toEqual({ shop_name: 'say "hi"' });
  });

  test('row numbers count records, so a quoted newline does not shift them', async () => {
    const c = await gatewayClient(h.db, admin);
    const a = await upload(c.token, 'phone,note\n09420000731,"two\nlines"\nnot a phone,x\n');
    expect(a.json.skipped).toEqual([{ row: 3, reason: 'invalid_number', message: expect.any(String) }]);
  });

  test('a mapping names the phone, name and field columns; a group gets every imported contact', async () => {
    const c = await gatewayClient(h.db, admin);
    const g = (await call(createGroupRoute, 'POST', '/api/v1/groups', { token: c.token, body: { name: 'Imported' } })).json as {
      id: number;
    };
    const csv = 'Tel,Customer,Town,Secret\n09420000741,Mya,Yangon,x\n09420000742,Hla,Bago,y\n';
    const a = await upload(c.token, csv, { phone_column: 'tel', name_column: 'Customer', field_columns: 'Town', group_id: g.id });
    expect(a.json).toMatchObject({ imported: 2 });
    const rows = await contactsOf(c.token, { group_id: g.id });
    expect(rows.map((r) => [r.name, r.fields])).toEqual([
      ['Mya', { town: 'Yangon' }],
      ['Hla', { town: 'Bago' }],
    ]);
  });

  test('an empty file, no phone column, an unknown mapped column, an unclosed quote or a foreign group: 400, nothing imported', async () => {
    const c = await gatewayClient(h.db, admin);
    const other = await gatewayClient(h.db, admin);
    const theirs = (await call(createGroupRoute, 'POST', '/api/v1/groups', { token: other.token, body: { name: 'x' } })).json as {
      id: number;
    };
    expect(fieldsOf(expectError(await upload(c.token, ''), 400, 'validation_failed')).file).toBeDefined();
    expect(fieldsOf(expectError(await upload(c.token, '\uFEFF'), 400, 'validation_failed')).file).toBeDefined();
    expect(fieldsOf(expectError(await upload(c.token, 'name,city\nAye,Yangon\n'), 400, 'validation_failed')).file).toBeDefined();
    expectError(await upload(c.token, 'phone\n09420000751\n', { phone_column: 'Tel' }), 400, 'validation_failed');
    expectError(await upload(c.token, 'phone,name\n09420000752,ok\n09420000753,"open\n'), 400, 'validation_failed');
    expectError(await upload(c.token, 'phone\n09420000754\n', { group_id: theirs.id }), 400, 'validation_failed');
    expect(await contactsOf(c.token)).toEqual([]);
  });

  test('a header only imports nothing and reports nothing', async () => {
    const c = await gatewayClient(h.db, admin);
    expect((await upload(c.token, 'phone,name\r\n')).json).toEqual({ imported: 0, updated: 0, skipped: [] });
  });

  test(`more than ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows is a 400 and a body over 10 MB a 413, both importing nothing`, async () => {
    const c = await gatewayClient(h.db, admin);
    const lines = ['phone'];
    for (let i = 0; i <= MAX_IMPORT_ROWS; i++) lines.push(`+9594${String(i).padStart(8, '0')}`);
    const tooMany = await upload(c.token, lines.join('\n'));
    expect(fieldsOf(expectError(tooMany, 400, 'validation_failed')).file?.[0]).toContain('100,000');
    expectError(await upload(c.token, `phone,pad\n09420000761,${'x'.repeat(10 * 1024 * 1024)}\n`), 413, 'payload_too_large');
    expect(await contactsOf(c.token)).toEqual([]);
  }, 60_000);

  test('100,000 rows are imported in one request', async () => {
    const c = await gatewayClient(h.db, admin);
    const lines = ['phone,name,code'];
    for (let i = 0; i < MAX_IMPORT_ROWS; i++) lines.push(`+9594${String(i).padStart(8, '0')},Customer ${i},c${i}`);
    const a = await upload(c.token, lines.join('\n'));
    expect(a.json).toMatchObject({ imported: MAX_IMPORT_ROWS, updated: 0, skipped: [] });
    const page = await call(listContactsRoute, 'GET', '/api/v1/contacts', {
      token: c.token,
      query: { search: 'Customer 9999', limit: 100 },
    });
    expect((page.json.pagination as { total: number }).total).toBe(11);
  }, 120_000);
});

describe('GET /api/v1/contacts/export.csv', () => {
  test('phone, name, groups and one column per field; the file imports back unchanged', async () => {
    const { GET: exportRoute } = await import('@/app/api/v1/contacts/export.csv/route');
    const c = await gatewayClient(h.db, admin);
    const g = (await call(createGroupRoute, 'POST', '/api/v1/groups', { token: c.token, body: { name: 'VIP' } })).json as { id: number };
    await upload(c.token, 'phone,name,city,=formula\n09420000801,"Aye, Jr.",Yangon,x\n09420000802,,,\n', { group_id: g.id });
    const res = await exportRoute(
      new Request('http://test/api/v1/contacts/export.csv', { headers: { authorization: `Bearer ${c.token}` } }),
      {
        params: Promise.resolve({}),
      },
    );
    expect(res.headers.get('content-type')).toContain('text/csv');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.split('\r\n')).toEqual([
      '\uFEFFphone,name,groups,city,formula',
      '\'+959420000801,"Aye, Jr.",VIP,Yangon,x',
      "'+959420000802,,VIP,,",
      '',
    ]);
    const before = await contactsOf(c.token);
    expect((await upload(c.token, text)).json).toEqual({ imported: 0, updated: 2, skipped: [] });
    expect(await contactsOf(c.token)).toEqual(before.map((b) => ({ ...b, updated_at: expect.any(String) })));
  });
});
