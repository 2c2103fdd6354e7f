import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { API_CSP } from './lib/security/csp';

const nextConfig: NextConfig = {
  // PGlite ships wasm and argon2 a native binary: both must stay real node_modules, not bundled (smpp: a
  // CommonJS codec loaded as it is).
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres', 'smpp'],
  poweredByHeader: false,
  // Pages and server actions pass the proxy (proxy.ts), which keeps a copy of the body: no more than a
  // server action may carry, so a huge body costs little memory (API bodies: lib/http/pipeline). 3 MB: the
  // payment forms carry one image of at most 2 MB as a data URL (docs/payments.md).
  experimental: { proxyClientMaxBodySize: '3mb', serverActions: { bodySizeLimit: '3mb' } },
  // The build checks the app's code; `npm run typecheck` (tsc, in CI) checks everything, tests included.
  typescript: { tsconfigPath: 'tsconfig.build.json' },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
      // Pages get a per-request nonce policy from proxy.ts; JSON answers never run anything.
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: API_CSP }] },
      { source: '/v3/:path*', headers: [{ key: 'Content-Security-Policy', value: API_CSP }] },
    ];
  },
};

// next-intl without locale routing: the language of each request comes from lib/i18n/request.ts.
export default createNextIntlPlugin('./lib/i18n/request.ts')(nextConfig);
