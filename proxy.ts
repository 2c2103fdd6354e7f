import { type NextRequest, NextResponse } from 'next/server';
import { newNonce, pageCsp } from '@/lib/security/csp';

/**
 * Every page gets its own script nonce. Next reads the nonce from the request's Content-Security-Policy
 * header and puts it on its bootstrap and chunk scripts; the browser gets the same policy on the answer.
 * Pages therefore render per request (they all read the session anyway).
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = pageCsp(nonce);
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set('Content-Security-Policy', csp);
  return res;
}

export const config = {
  // Pages only: API answers, static files and the sandboxed brand logos carry their own policy
  // (next.config.ts). Prefetches skip the proxy: they reuse the page's policy.
  matcher: [
    {
      source: '/((?!api/|v3/|brand/|_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
