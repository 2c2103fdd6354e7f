// GET /favicon.ico — the brand's logo on a reseller's subdomain, else a neutral icon that names nobody
// (browsers ask for it on every site; a 404 here filled every log).
import { raw } from '@/lib/http/families';
import { brandFromRequestHost, logoForSubdomain } from '@/lib/services/branding';

const NEUTRAL_ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#334155"/><path d="M8 10.5A2.5 2.5 0 0 1 10.5 8h11a2.5 2.5 0 0 1 2.5 2.5v7a2.5 2.5 0 0 1-2.5 2.5H15l-4.5 4v-4h0A2.5 2.5 0 0 1 8 17.5z" fill="#fff"/></svg>`;

const COMMON = {
  'Cache-Control': 'public, max-age=300',
  Vary: 'Host, X-Forwarded-Host',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  'X-Content-Type-Options': 'nosniff',
};

export const GET = raw(
  { summary: 'The favicon of the host’s brand', auth: 'none', response: null, contentType: 'image/*', hidden: true },
  async ({ db, req }) => {
    const brand = await brandFromRequestHost(db, req.headers.get('x-forwarded-host') ?? req.headers.get('host'));
    const logo = brand?.logo_url ? await logoForSubdomain(db, brand.subdomain) : null;
    if (logo) return new Response(new Uint8Array(logo.bytes), { headers: { ...COMMON, 'Content-Type': logo.type } });
    return new Response(NEUTRAL_ICON, { headers: { ...COMMON, 'Content-Type': 'image/svg+xml' } });
  },
);
