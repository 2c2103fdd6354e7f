// GET /brand/:subdomain/logo — a reseller's uploaded logo, public (login pages show it before sign-in)

import { notFound } from '@/lib/errors';
import { raw } from '@/lib/http/families';
import { logoForSubdomain } from '@/lib/services/branding';

export const GET = raw(
  { summary: "A reseller's logo", auth: 'none', response: null, contentType: 'image/*', hidden: true },
  async ({ db, params }) => {
    const logo = /^[a-z0-9-]{1,63}$/.test(params.subdomain ?? '') ? await logoForSubdomain(db, params.subdomain) : null;
    if (!logo) throw notFound('Logo');
    return new Response(new Uint8Array(logo.bytes), {
      headers: {
        'Content-Type': logo.type,
        'Cache-Control': 'public, max-age=3600',
        // An SVG opened directly must not run script on our origin.
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
        'X-Content-Type-Options': 'nosniff',
      },
    });
  },
);
