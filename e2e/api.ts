// Setup and checks through the APIs for browser specs: what is under test is clicked in the UI; what was
// charged is read back from the ledger and the balance.
import { type APIRequestContext, expect } from '@playwright/test';
import { DEMO, unique } from './helpers';

export async function apiToken(request: APIRequestContext, path: string, email: string, password: string): Promise<string> {
  const res = await request.post(path, { data: { email, password } });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()).token as string;
}

export const adminToken = (request: APIRequestContext) => apiToken(request, '/api/admin/auth/login', DEMO.admin.email, DEMO.admin.password);

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export interface TestReseller {
  id: number;
  name: string;
  email: string;
  password: string;
  subdomain: string;
  token: string;
}

/** A fresh own-plans reseller with `credit` MMK, signed in to the reseller API. */
export async function newReseller(request: APIRequestContext, credit: number, prefix = 'r'): Promise<TestReseller> {
  const admin = await adminToken(request);
  const id = unique();
  const body = {
    partner_type: 'own_plans',
    name: `${prefix.toUpperCase()} Co ${id}`,
    email: `${prefix}-${id}@example.com`,
    phone: '09 420 000 100',
    password: 'reseller-pass-1',
    subdomain: `${prefix}${id}`,
  };
  const res = await request.post('/api/admin/resellers', { headers: bearer(admin), data: body });
  expect(res.status(), await res.text()).toBe(201);
  const rid = (await res.json()).id as number;
  if (credit) {
    const c = await request.post(`/api/admin/resellers/${rid}/credit`, {
      headers: bearer(admin),
      data: { amount: credit, method: 'cash' },
    });
    expect(c.status(), await c.text()).toBe(201);
  }
  const token = await apiToken(request, '/api/reseller/auth/login', body.email, body.password);
  return { id: rid, name: body.name, email: body.email, password: body.password, subdomain: body.subdomain, token };
}

export async function newClient(request: APIRequestContext, r: TestReseller, name = 'Shop') {
  const id = unique();
  const body = { name: `${name} ${id}`, email: `c-${id}@example.com`, password: 'client-pass-1', phone: '09 420 000 115' };
  const res = await request.post('/api/reseller/clients', { headers: bearer(r.token), data: body });
  expect(res.status(), await res.text()).toBe(201);
  return { id: (await res.json()).id as number, ...body };
}

export async function creditBalance(request: APIRequestContext, r: TestReseller): Promise<number> {
  const res = await request.get('/api/reseller/profile', { headers: bearer(r.token) });
  return (await res.json()).credit_balance as number;
}

export interface LedgerEntry {
  id: number;
  kind: string;
  amount: number;
  balance_after: number;
  reference: string | null;
  client_id: number | null;
  client_name: string | null;
}

/** The reseller's ledger, newest first. */
export async function ledger(request: APIRequestContext, r: TestReseller): Promise<LedgerEntry[]> {
  const res = await request.get('/api/reseller/ledger?limit=100', { headers: bearer(r.token) });
  return (await res.json()).data as LedgerEntry[];
}

export async function clientPackage(request: APIRequestContext, r: TestReseller, clientId: number): Promise<string | null> {
  const res = await request.get(`/api/reseller/clients/${clientId}`, { headers: bearer(r.token) });
  return ((await res.json()).package?.package_type as string | undefined) ?? null;
}
