#!/usr/bin/env node
// The production server (`npm start` runs it after the build; `-p PORT -H HOST` like `next start`): Next's
// request handler inside a node:http server of ours, for what `next start` cannot do
// (docs/ARCHITECTURE.md, "Request pipeline"):
// 1. tell the app the socket's address — lib/http/client-ip.ts believes it only with this process's key,
//    and applies TRUSTED_PROXIES to X-Forwarded-For;
// 2. escape malformed percent-encoding in the path (`/api/v1/messages/%ZZ`), which Next's router answers
//    with a bare 500, so the route sees the literal text and answers its own 4xx;
// 3. refuse a cross-origin server-action POST with 403, and answer 400 where Next would answer 500 to a
//    server-action request it cannot decode (our actions catch their own errors: lib/http/form-action.ts);
// 4. hand the API families' requests straight to their route handlers (scripts/direct-routes.mjs): the same
//    compiled handlers, without Next's per-request router and route runtime. DIRECT_API=0 turns it off.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import path from 'node:path';
import { directRoutes } from './direct-routes.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const arg = (flag) => {
  const i = process.argv.indexOf(flag);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const port = Number(arg('-p') ?? process.env.PORT ?? 3000);
const hostname = arg('-H') ?? process.env.HOSTNAME ?? undefined;

const PEER_HEADER = 'x-sms-peer';
const key = randomBytes(24).toString('base64url');
globalThis[Symbol.for('sms-platform.peer-key')] = key;

/** A path segment `decodeURIComponent` cannot read (`%ZZ`, `%FF`) keeps its text: each `%` becomes `%25`. */
function safePath(url) {
  const q = url.indexOf('?');
  const pathname = q < 0 ? url : url.slice(0, q);
  const fixed = pathname
    .split('/')
    .map((seg) => {
      try {
        decodeURIComponent(seg);
        return seg;
      } catch {
        return seg.replace(/%/g, '%25');
      }
    })
    .join('/');
  return q < 0 ? fixed : fixed + url.slice(q);
}

/** Next's own rule for server actions: the Origin's host must be the (forwarded) host. */
function crossOrigin(req) {
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  const host = String(req.headers['x-forwarded-host'] ?? req.headers.host ?? '')
    .split(',')[0]
    .trim();
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

// As `next start` does; set before Next is loaded, which reads it.
process.env.NODE_ENV = 'production';
const { default: next } = await import('next');
const app = next({ dev: false, dir: root, port, hostname });
const handle = app.getRequestHandler();
await app.prepare();
const direct = process.env.DIRECT_API === '0' ? null : directRoutes(root);

const server = createServer((req, res) => {
  delete req.headers[PEER_HEADER];
  req.headers[PEER_HEADER] = `${key} ${req.socket.remoteAddress ?? ''}`;
  req.url = safePath(req.url ?? '/');
  if (direct?.(req, res)) return;
  if (req.method === 'POST' && req.headers['next-action'] !== undefined) {
    if (crossOrigin(req)) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Cross-origin server action refused.');
      req.resume();
      return;
    }
    const writeHead = res.writeHead;
    res.writeHead = function (status, ...rest) {
      return writeHead.call(this, status === 500 ? 400 : status, ...rest);
    };
  }
  handle(req, res).catch((err) => {
    console.error('[serve] request failed', err);
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
    res.end('Internal Server Error');
  });
});
server.listen(port, hostname, () => {
  console.log(`[serve] listening on http://${hostname ?? 'localhost'}:${port}`);
});

let stopping = false;
for (const [sig, code] of [
  ['SIGTERM', 143],
  ['SIGINT', 130],
]) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    // No new connections; idle keep-alive ones close now, open streams are closed by the app (lib/events.ts).
    server.close(() => app.close().finally(() => process.exit(code)));
    server.closeIdleConnections();
    setTimeout(() => process.exit(code), 10_000).unref();
  });
}
