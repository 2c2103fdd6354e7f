// Local payments (docs/payments.md): the platform's and resellers' payment accounts with QR codes, top-up
// requests naming the account paid into with a payment slip, and who may see which image.
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET as adminImageRoute } from '@/app/api/admin/images/[id]/route';
import { GET as getAccountRoute, PATCH as patchAccountRoute } from '@/app/api/admin/payment-accounts/[id]/route';
import { POST as createAccountRoute, GET as listAccountsRoute } from '@/app/api/admin/payment-accounts/route';
import { GET as listAdminTopupsRoute } from '@/app/api/admin/topup-requests/route';
import { GET as resellerImageRoute } from '@/app/api/reseller/images/[id]/route';
import { PATCH as patchOwnRoute } from '@/app/api/reseller/own-payment-accounts/[id]/route';
import { POST as createOwnRoute, GET as listOwnRoute } from '@/app/api/reseller/own-payment-accounts/route';
import { GET as payeeRoute } from '@/app/api/reseller/payment-accounts/route';
import { POST as fileTopupRoute } from '@/app/api/reseller/topup-requests/route';
import { GET as clientImageRoute } from '@/app/api/v1/images/[id]/route';
import { GET as clientAccountsRoute } from '@/app/api/v1/payment-accounts/route';
import type { DbHandle } from '@/db';
import type { Actor } from '@/lib/auth/permissions';
import { MAX_IMAGE_BYTES } from '@/lib/validation/image-rules';
import { useTestDbForRoutes } from './helpers/db';
import { makeClient } from './helpers/fixtures';
import { call, expectError, fieldsOf, type RouteHandler } from './helpers/http';
import { apiKeyFor } from './helpers/reseller-keys';
import { adminWithToken, resellerWithToken } from './helpers/sessions';

let h: DbHandle;
let admin: Actor;
let adminToken: string;
let png: Buffer;
// A 1×1 JPEG: only its bytes say what it is.
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);
beforeAll(async () => {
  h = await useTestDbForRoutes();
  ({ actor: admin, token: adminToken } = await adminWithToken(h.db));
  png = await QRCode.toBuffer('kbzpay://pay?account=09420000111');
});
afterAll(async () => {
  await h.close();
});

const dataUrl = (b: Buffer, type = 'image/png') => `data:${type};base64,${b.toString('base64')}`;
type Account = { id: number; method: string; qr_image_id: number | null; enabled: boolean; account_name: string };

async function image(route: RouteHandler, token: string, id: number) {
  const res = await route(new Request(`http://test/x/${id}`, { headers: { authorization: `Bearer ${token}` } }), {
    params: Promise.resolve({ id: String(id) }),
  });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    nosniff: res.headers.get('x-content-type-options'),
    bytes: Buffer.from(await res.arrayBuffer()),
  };
}

async function platformAccount(body: Record<string, unknown> = {}) {
  const res = await call(createAccountRoute, 'POST', '/api/admin/payment-accounts', {
    token: adminToken,
    body: {
      method: 'kbzpay',
      account_name: 'SMS Platform Co.',
      account_number: '09420000111',
      qr_image: dataUrl(png),
      instructions: 'Pay, then send the transaction id.',
      ...body,
    },
  });
  expect(res.status).toBe(201);
  return res.json as unknown as Account;
}

describe('platform payment accounts (admin)', () => {
  test('create with a QR code, read, list, edit, disable; resellers see only enabled ones', async () => {
    const a = await platformAccount();
    expect(a).toMatchObject({ method: 'kbzpay', account_name: 'SMS Platform Co.', enabled: true, qr_image_id: expect.any(Number) });
    expect((await call(getAccountRoute, 'GET', `/api/admin/payment-accounts/${a.id}`, { token: adminToken, id: a.id })).json).toMatchObject(
      { id: a.id },
    );
    const listed = await call(listAccountsRoute, 'GET', '/api/admin/payment-accounts', { token: adminToken });
    expect((listed.json.data as Account[]).map((x) => x.id)).toContain(a.id);

    const r = await resellerWithToken(h.db, admin);
    const seen = async () =>
      ((await call(payeeRoute, 'GET', '/api/reseller/payment-accounts', { token: r.token })).json.data as Account[]).map((x) => x.id);
    expect(await seen()).toContain(a.id);
    const qr = await image(resellerImageRoute, r.token, a.qr_image_id as number);
    expect(qr).toMatchObject({ status: 200, type: 'image/png', nosniff: 'nosniff' });
    expect(qr.bytes.equals(png)).toBe(true);

    const off = await call(patchAccountRoute, 'PATCH', `/api/admin/payment-accounts/${a.id}`, {
      token: adminToken,
      id: a.id,
      body: { enabled: false, account_name: 'SMS Platform Ltd', qr_image: null },
    });
    expect(off.json).toMatchObject({ enabled: false, account_name: 'SMS Platform Ltd', qr_image_id: null });
    expect(await seen()).not.toContain(a.id);
    // The old QR code belongs to nothing a reseller may see any more.
    expect((await image(resellerImageRoute, r.token, a.qr_image_id as number)).status).toBe(404);
    expect((await image(adminImageRoute, adminToken, a.qr_image_id as number)).status).toBe(404);
  });

  test('images are checked by content: a text file named PNG, an SVG, bad base64 and over 2 MB are refused', async () => {
    const bad = async (qr_image: unknown) => {
      const res = await call(createAccountRoute, 'POST', '/api/admin/payment-accounts', {
        token: adminToken,
        body: { method: 'wavepay', account_name: 'X', account_number: '1', qr_image },
      });
      expect(fieldsOf(expectError(res, 400, 'validation_failed'))).toHaveProperty('qr_image');
    };
    await bad(dataUrl(Buffer.from('hello, not an image'), 'image/png'));
    await bad(dataUrl(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml'));
    await bad('data:image/png;base64,%%%');
    await bad(dataUrl(Buffer.concat([png, Buffer.alloc(MAX_IMAGE_BYTES + 1 - png.length)])));
    // Exactly 2 MB of a real PNG's start is accepted (content, not completeness, is checked).
    const edge = await call(createAccountRoute, 'POST', '/api/admin/payment-accounts', {
      token: adminToken,
      body: {
        method: 'ayapay',
        account_name: 'Edge',
        account_number: '2',
        qr_image: Buffer.concat([png, Buffer.alloc(MAX_IMAGE_BYTES - png.length)]).toString('base64'),
      },
    });
    expect(edge.status).toBe(201);
    // A JPEG sent as "image/png" is stored as what it is.
    const j = await platformAccount({ method: 'cbpay', qr_image: dataUrl(JPEG, 'image/png') });
    expect((await image(adminImageRoute, adminToken, j.qr_image_id as number)).type).toBe('image/jpeg');
  });

  test('a reseller cannot manage platform accounts; method and fields are validated', async () => {
    const r = await resellerWithToken(h.db, admin);
    expect((await call(listAccountsRoute, 'GET', '/api/admin/payment-accounts', { token: r.token })).status).toBe(401);
    const res = await call(createAccountRoute, 'POST', '/api/admin/payment-accounts', {
      token: adminToken,
      body: { method: 'paypal', account_name: ' ', account_number: '' },
    });
    expect(Object.keys(fieldsOf(expectError(res, 400, 'validation_failed'))).sort()).toEqual(['account_name', 'account_number', 'method']);
  });
});

describe('top-up requests with the account paid into and a slip', () => {
  test('the request names the account and transaction id, carries the slip; the admin sees both', async () => {
    const a = await platformAccount();
    const r = await resellerWithToken(h.db, admin);
    const res = await call(fileTopupRoute, 'POST', '/api/reseller/topup-requests', {
      token: r.token,
      body: { amount: 150_000, payment_account_id: a.id, reference: 'KBZ-TX-0001', slip_image: dataUrl(JPEG, 'image/jpeg') },
    });
    expect(res.status).toBe(201);
    const t = res.json as { id: number; method: string; reference: string; slip_image_id: number; payment_account: { id: number } };
    expect(t).toMatchObject({
      method: 'kbzpay',
      reference: 'KBZ-TX-0001',
      payment_account: { id: a.id, method: 'kbzpay', account_number: '09420000111' },
    });
    const queue = await call(listAdminTopupsRoute, 'GET', '/api/admin/topup-requests', {
      token: adminToken,
      query: { status: 'pending', limit: 100 },
    });
    expect((queue.json.data as { id: number; slip_image_id: number }[]).find((x) => x.id === t.id)?.slip_image_id).toBe(t.slip_image_id);
    const slip = await image(adminImageRoute, adminToken, t.slip_image_id);
    expect(slip).toMatchObject({ status: 200, type: 'image/jpeg', nosniff: 'nosniff' });
    expect(slip.bytes.equals(JPEG)).toBe(true);
    expect((await image(resellerImageRoute, r.token, t.slip_image_id)).status).toBe(200);
    // Another reseller, or a client, never sees it.
    const other = await resellerWithToken(h.db, admin);
    expect((await image(resellerImageRoute, other.token, t.slip_image_id)).status).toBe(404);
    const c = await makeClient(h.db, r.actor);
    expect((await image(clientImageRoute, (await apiKeyFor(h.db, c.actor)).key, t.slip_image_id)).status).toBe(404);
  });

  test('an account needs the transaction id; a disabled or reseller-owned account is refused; a slip must be an image', async () => {
    const r = await resellerWithToken(h.db, admin);
    const file = (body: Record<string, unknown>) =>
      call(fileTopupRoute, 'POST', '/api/reseller/topup-requests', { token: r.token, body: { amount: 1000, ...body } });
    const a = await platformAccount();
    expect(fieldsOf(expectError(await file({ payment_account_id: a.id }), 400, 'validation_failed'))).toHaveProperty('reference');
    expect(fieldsOf(expectError(await file({ reference: 'x' }), 400, 'validation_failed'))).toHaveProperty('method');
    const own = await call(createOwnRoute, 'POST', '/api/reseller/own-payment-accounts', {
      token: r.token,
      body: { method: 'wavepay', account_name: 'Mine', account_number: '0977' },
    });
    expect(
      fieldsOf(expectError(await file({ payment_account_id: (own.json as Account).id, reference: 'x' }), 400, 'validation_failed')),
    ).toHaveProperty('payment_account_id');
    const off = await platformAccount({ enabled: false });
    expect(fieldsOf(expectError(await file({ payment_account_id: off.id, reference: 'x' }), 400, 'validation_failed'))).toHaveProperty(
      'payment_account_id',
    );
    expect(
      fieldsOf(
        expectError(await file({ method: 'kbzpay', slip_image: dataUrl(Buffer.from('GIF89a...'), 'image/gif') }), 400, 'validation_failed'),
      ),
    ).toHaveProperty('slip_image');
    // The old way still works: a method and an optional reference.
    expect((await file({ method: 'cash' })).status).toBe(201);
  });
});

describe("a reseller's own payment accounts, shown to its clients", () => {
  test('CRUD by the reseller; its clients see the enabled ones and their QR; nobody else does', async () => {
    const r = await resellerWithToken(h.db, admin);
    const created = await call(createOwnRoute, 'POST', '/api/reseller/own-payment-accounts', {
      token: r.token,
      body: { method: 'wavepay', account_name: 'Golden Shop', account_number: '09777000111', qr_image: dataUrl(png) },
    });
    expect(created.status).toBe(201);
    const a = created.json as unknown as Account;
    const hidden = await call(createOwnRoute, 'POST', '/api/reseller/own-payment-accounts', {
      token: r.token,
      body: { method: 'bank_transfer', account_name: 'Old', account_number: '1', enabled: false },
    });
    const own = await call(listOwnRoute, 'GET', '/api/reseller/own-payment-accounts', { token: r.token });
    expect((own.json.data as Account[]).map((x) => x.id)).toEqual([a.id, (hidden.json as Account).id]);
    // Not the platform's list, and not another reseller's to edit.
    const admins = await call(listAccountsRoute, 'GET', '/api/admin/payment-accounts', { token: adminToken });
    expect((admins.json.data as Account[]).map((x) => x.id)).not.toContain(a.id);
    const other = await resellerWithToken(h.db, admin);
    expectError(
      await call(patchOwnRoute, 'PATCH', `/api/reseller/own-payment-accounts/${a.id}`, {
        token: other.token,
        id: a.id,
        body: { enabled: false },
      }),
      404,
      'not_found',
    );
    expectError(
      await call(patchAccountRoute, 'PATCH', `/api/admin/payment-accounts/${a.id}`, {
        token: adminToken,
        id: a.id,
        body: { enabled: false },
      }),
      404,
      'not_found',
    );

    const c = await makeClient(h.db, r.actor);
    const key = (await apiKeyFor(h.db, c.actor)).key;
    const mine = await call(clientAccountsRoute, 'GET', '/api/v1/payment-accounts', { token: key });
    expect((mine.json.data as Account[]).map((x) => x.id)).toEqual([a.id]);
    expect((await image(clientImageRoute, key, a.qr_image_id as number)).status).toBe(200);
    const stranger = await makeClient(h.db, other.actor);
    const strangerKey = (await apiKeyFor(h.db, stranger.actor)).key;
    expect((await image(clientImageRoute, strangerKey, a.qr_image_id as number)).status).toBe(404);
    expect((await call(clientAccountsRoute, 'GET', '/api/v1/payment-accounts', { token: strangerKey })).json.data).toEqual([]);
    // The platform's QR codes are for resellers, not clients.
    const p = await platformAccount();
    expect((await image(clientImageRoute, key, p.qr_image_id as number)).status).toBe(404);
  });
});
