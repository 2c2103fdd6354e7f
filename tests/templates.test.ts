// Templates and merge fields (docs/campaigns.md): {{name}}, {{phone}}, {{fields.x}} render per contact (a
// missing value as nothing); an unknown placeholder is a 400 naming it; the preview renders for a real contact
// and finds the longest result over the audience with its segment count; templates are per client.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POST as createContactRoute } from '@/app/api/v1/contacts/route';
import { POST as createGroupRoute } from '@/app/api/v1/groups/route';
import { DELETE as deleteRoute, PATCH as patchRoute } from '@/app/api/v1/templates/[id]/route';
import { POST as previewRoute } from '@/app/api/v1/templates/preview/route';
import { POST as createRoute, GET as listRoute } from '@/app/api/v1/templates/route';
import type { DbHandle } from '@/db';
import type { Actor } from '@/lib/auth/permissions';
import { placeholdersOf, renderMerge } from '@/lib/sms/merge-fields';
import { useTestDbForRoutes } from './helpers/db';
import { makeAdmin } from './helpers/fixtures';
import { gatewayClient } from './helpers/gateway';
import { call, expectError, fieldsOf } from './helpers/http';

let h: DbHandle;
let admin: Actor;
beforeAll(async () => {
  h = await useTestDbForRoutes();
  admin = await makeAdmin(h.db);
});
afterAll(async () => {
  await h.close();
});

describe('merge fields', () => {
  const c = { name: 'Aye Aye', phone: '+959420000202', fields: { city: 'Yangon', code: 'X1' } };
  test('name, phone and fields render; spaces inside braces are allowed; a missing value renders as nothing', () => {
    expect(renderMerge('Hi {{name}} ({{ phone }}), {{fields.city}}/{{fields.zip}}!', c)).toBe('Hi Aye Aye (+959420000202), Yangon/!');
    expect(renderMerge('Hi {{name}}', { ...c, name: null })).toBe('Hi ');
    expect(renderMerge('{{fields.code}}{{fields.code}}', c)).toBe('X1X1');
  });
  test('unknown placeholders are found by name, each once; single braces are plain text', () => {
    expect(placeholdersOf('{{nmae}} {{fields.}} {{name}} {{nmae}} {x} {{fields.a-b}}')).toEqual({
      known: ['{{name}}'],
      unknown: ['{{nmae}}', '{{fields.}}', '{{fields.a-b}}'],
    });
  });
});

describe('templates API', () => {
  const create = (token: string, body: unknown) => call(createRoute, 'POST', '/api/v1/templates', { token, body });

  test('create, list, rename, change the text, delete; another client sees none of it', async () => {
    const a = await gatewayClient(h.db, admin);
    const t = await create(a.token, { name: 'Promo', text: 'Hi {{name}}, 10% off in {{fields.city}}' });
    expect(t.status).toBe(201);
    expect(t.json).toMatchObject({
      name: 'Promo',
      placeholders: ['{{name}}', '{{fields.city}}'],
      length: { segments: 1, encoding: 'gsm7' },
    });
    const id = t.json.id as number;
    const listed = await call(listRoute, 'GET', '/api/v1/templates', { token: a.token });
    expect((listed.json.data as { id: number }[]).map((x) => x.id)).toEqual([id]);
    const p = await call(patchRoute, 'PATCH', `/api/v1/templates/${id}`, {
      token: a.token,
      id,
      body: { text: 'Bye {{name}}' },
    });
    expect(p.status).toBe(200);
    expect(p.json).toMatchObject({ name: 'Promo', text: 'Bye {{name}}', placeholders: ['{{name}}'] });
    const b = await gatewayClient(h.db, admin);
    expect((await call(listRoute, 'GET', '/api/v1/templates', { token: b.token })).json.data).toEqual([]);
    expectError(await call(deleteRoute, 'DELETE', `/api/v1/templates/${id}`, { token: b.token, id }), 404, 'not_found');
    expect((await call(deleteRoute, 'DELETE', `/api/v1/templates/${id}`, { token: a.token, id })).status).toBe(200);
    expect((await call(listRoute, 'GET', '/api/v1/templates', { token: a.token })).json.data).toEqual([]);
  });

  test('an unknown placeholder is a 400 naming it, on create and on change', async () => {
    const a = await gatewayClient(h.db, admin);
    const bad = expectError(await create(a.token, { name: 'x', text: 'Hi {{frist_name}} and {{fields.city}}' }), 400, 'validation_failed');
    expect(fieldsOf(bad).text[0]).toContain('{{frist_name}}');
    expect(fieldsOf(bad).text[0]).not.toContain('{{fields.city}}');
    const t = await create(a.token, { name: 'ok', text: 'Hi {{name}}' });
    const id = String(t.json.id);
    const p = expectError(
      await call(patchRoute, 'PATCH', `/api/v1/templates/${id}`, { token: a.token, id, body: { text: '{{Name}}' } }),
      400,
      'validation_failed',
    );
    expect(fieldsOf(p).text[0]).toContain('{{Name}}');
  });

  test('preview: a real contact, and the longest result over the group with its segments (Burmese → UCS-2)', async () => {
    const a = await gatewayClient(h.db, admin);
    const g = await call(createGroupRoute, 'POST', '/api/v1/groups', { token: a.token, body: { name: 'VIP' } });
    const gid = g.json.id as number;
    const add = (body: unknown) => call(createContactRoute, 'POST', '/api/v1/contacts', { token: a.token, body });
    const short = await add({ phone: '09420000301', name: 'Mo', groups: [gid] });
    await add({ phone: '09420000302', name: 'Htet', fields: { note: 'x'.repeat(60) }, groups: [gid] });
    const long = await add({ phone: '09420000303', name: 'မောင်မောင်', fields: { note: 'ဈေး'.repeat(20) }, groups: [gid] });
    // Outside the group: longer still, but not in this audience.
    await add({ phone: '09420000304', name: 'Z', fields: { note: 'y'.repeat(500) } });
    const text = 'Dear {{name}}, {{fields.note}}';
    const r = await call(previewRoute, 'POST', '/api/v1/templates/preview', {
      token: a.token,
      body: { text, group_id: gid, contact_id: short.json.id },
    });
    expect(r.status).toBe(200);
    expect(r.json.contacts).toBe(3);
    expect(r.json.sample).toMatchObject({ contact_id: short.json.id, text: 'Dear Mo, ', length: { segments: 1, encoding: 'gsm7' } });
    expect(r.json.longest).toMatchObject({ contact_id: long.json.id, length: { encoding: 'ucs2', segments: 2 } });
    // The whole address book: the 500-character note is the longest, 4 segments of GSM.
    const all = await call(previewRoute, 'POST', '/api/v1/templates/preview', { token: a.token, body: { text } });
    expect(all.json.longest).toMatchObject({ length: { segments: 4, encoding: 'gsm7' } });
    expectError(
      await call(previewRoute, 'POST', '/api/v1/templates/preview', { token: a.token, body: { text: '{{nope}}' } }),
      400,
      'validation_failed',
    );
  });
});
