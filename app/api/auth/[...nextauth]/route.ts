// Auth.js endpoints (/api/auth/*): session, csrf, callback, signout — behind the same size-capped body
// reader as every other route, then handed to Auth.js as a fresh request.
import { NextRequest } from 'next/server';
import { raw } from '@/lib/http/families';

const authJs = (method: 'GET' | 'POST') =>
  raw({ summary: `Auth.js (${method})`, auth: 'none', rawBody: method === 'POST', response: null, hidden: true }, async ({ req, text }) => {
    const { handlers } = await import('@/lib/auth/auth');
    const forward = new NextRequest(req.url, { method, headers: req.headers, body: method === 'POST' ? text : undefined });
    return handlers[method](forward);
  });

export const GET = authJs('GET');
export const POST = authJs('POST');
