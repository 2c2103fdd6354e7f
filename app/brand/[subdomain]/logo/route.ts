// GET /brand/:subdomain/logo — a reseller's uploaded logo, public (login pages show it before sign-in)
import { getDb } from '@/db';
import { logoForSubdomain } from '@/lib/services/branding';

export async function GET(_req: Request, { params }: { params: Promise<{ subdomain: string }> }) {
  const { subdomain } = await params;
  const logo = /^[a-z0-9-]{1,63}$/.test(subdomain) ? await logoForSubdomain(await getDb(), subdomain) : null;
  if (!logo) return new Response('Not found', { status: 404 });
  return new Response(new Uint8Array(logo.bytes), {
    headers: {
      'Content-Type': logo.type,
      'Cache-Control': 'public, max-age=3600',
      // An SVG opened directly must not run script on our origin.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
