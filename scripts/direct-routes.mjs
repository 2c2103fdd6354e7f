// The API routes' direct path (scripts/serve.mjs; docs/ARCHITECTURE.md, "Request pipeline"): a request for
// one of our API route handlers is handed to that handler — the request core's own function
// (lib/http/pipeline/core.ts), loaded from the production build — without Next's router and route
// runtime in between. Next's per-request work for a route handler (routing, header rules, async-storage
// set-up, the Request/Response stream bridging) cost about as much CPU as our whole send (docs/benchmarks.md).
//
// What Next would have done and still happens here, from the build's own manifests:
// - the route is the one Next would pick: `routes-manifest.json`'s static routes, then its dynamic routes in
//   Next's order, with their parameters decoded as Next decodes them;
// - the `headers()` rules of next.config.ts (`routes-manifest.json` `headers`) are on the answer;
// - the handler module is the very module Next runs (`require` of the same compiled entry: one module cache).
// Handed to Next instead (so its own behaviour stands): pages, server actions, Auth.js, any route whose handler
// is not one of the request core's token-authenticated families (the portal family reads the browser session
// through next/headers), a method the module does not export (Next answers HEAD, OPTIONS and 405), a path
// with a trailing slash (Next redirects) or a percent sign, and everything when the manifests hold a rewrite,
// a redirect of our own or a conditional header rule, which this path does not implement.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCb } from 'node:zlib';
import Negotiator from 'negotiator';

const gzip = promisify(gzipCb);
/** Next's own default (`compress: true`): gzip for a client that takes it, from 1 KB, for text answers. */
const COMPRESS_FROM = 1024;
const COMPRESSIBLE = /^(application\/(json|problem\+json|xml)|text\/)/;

/** Families whose authenticators read only the request (tokens, keys, Basic): no Next request context. */
const DIRECT_FAMILIES = new Set(['api', 'mobile', 'thirdparty', 'clicksend']);
const BODYLESS = new Set(['GET', 'HEAD']);

const json = (file) => JSON.parse(readFileSync(file, 'utf8'));

/**
 * Builds the dispatcher for a production build in `dir/.next`: `(req, res) => boolean`, true when the
 * request was taken (answered or being answered), false when Next is to serve it. Null when the build's
 * routing holds something this path does not reproduce.
 */
export function directRoutes(dir, { log = console.log } = {}) {
  const next = path.join(dir, '.next');
  const routes = json(path.join(next, 'routes-manifest.json'));
  const own = (routes.redirects ?? []).filter((r) => !r.internal);
  const rewrites = routes.rewrites ?? {};
  const rewriteCount = Array.isArray(rewrites)
    ? rewrites.length
    : (rewrites.beforeFiles?.length ?? 0) + (rewrites.afterFiles?.length ?? 0) + (rewrites.fallback?.length ?? 0);
  const conditional = (routes.headers ?? []).some((h) => h.has || h.missing);
  if (own.length || rewriteCount || conditional || routes.basePath) {
    log('[serve] direct API path off: the build has rewrites, redirects or conditional header rules');
    return null;
  }
  const headerRules = (routes.headers ?? []).map((h) => ({ re: new RegExp(h.regex), headers: h.headers }));

  // page (as routing sees it: no route groups) → compiled entry, for route handlers under /api and /v3.
  const appPaths = json(path.join(next, 'server', 'app-paths-manifest.json'));
  const routePages = json(path.join(next, 'app-path-routes-manifest.json'));
  const entries = new Map();
  for (const [key, page] of Object.entries(routePages)) {
    if (!key.endsWith('/route') || !appPaths[key]) continue;
    if (!/^\/(api|v3)(\/|$)/.test(page) || /^\/api\/auth(\/|$)/.test(page)) continue;
    entries.set(page, path.join(next, 'server', appPaths[key]));
  }
  const statics = new Map();
  for (const r of routes.staticRoutes ?? []) if (entries.has(r.page)) statics.set(r.page, r.page);
  const dynamics = (routes.dynamicRoutes ?? [])
    .filter((r) => entries.has(r.page))
    .map((r) => ({ page: r.page, re: new RegExp(r.namedRegex), keys: r.routeKeys, catchAll: catchAllNames(r.page) }));

  const require = createRequire(path.join(next, 'server', 'noop.js'));
  /** page → { [METHOD]: handler | null } (null: Next serves it), filled on first use. */
  const handlers = new Map();
  const handlerOf = (page, method) => {
    let mod = handlers.get(page);
    if (!mod) {
      const userland = require(entries.get(page))?.routeModule?.userland;
      mod = {};
      for (const m of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
        const h = userland?.[m];
        mod[m] = typeof h === 'function' && DIRECT_FAMILIES.has(h.meta?.family) ? h : null;
      }
      handlers.set(page, mod);
    }
    return mod[method] ?? null;
  };

  const match = (pathname) => {
    const page = statics.get(pathname);
    if (page) return { page, params: {} };
    for (const d of dynamics) {
      const m = d.re.exec(pathname);
      if (!m) continue;
      const params = {};
      for (const [group, name] of Object.entries(d.keys)) {
        const raw = m.groups?.[group];
        if (raw === undefined) continue;
        const key = name.replace(/^nxtP/, '');
        params[key] = d.catchAll.has(key) ? raw.split('/').map(decodeURIComponent) : decodeURIComponent(raw);
      }
      return { page: d.page, params };
    }
    return null;
  };

  log(`[serve] direct API path: ${entries.size} route files`);
  return function dispatch(req, res) {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const pathname = q < 0 ? url : url.slice(0, q);
    if (!/^\/(api|v3)\//.test(pathname) || pathname.endsWith('/') || pathname.includes('%') || pathname.includes('//')) return false;
    const found = match(pathname);
    if (!found) return false;
    const handler = handlerOf(found.page, req.method ?? 'GET');
    if (!handler) return false;
    serve(
      req,
      res,
      handler,
      found.params,
      headerRules.filter((r) => r.re.test(pathname)),
    );
    return true;
  };
}

/** `[...slug]` and `[[...slug]]` segments of a page: their values are arrays, as Next gives them. */
function catchAllNames(page) {
  return new Set([...page.matchAll(/\[\[?\.\.\.(\w+)\]\]?/g)].map((m) => m[1]));
}

async function serve(req, res, handler, params, rules) {
  const aborted = new AbortController();
  // The request's signal fires when the caller goes away before the answer is out (an SSE stream's end);
  // an answer written in full aborts nothing (an abort builds a DOMException: CPU on every request).
  res.on('close', () => {
    if (!res.writableFinished) aborted.abort();
  });
  try {
    // As pairs (node's merged headers, as Next reads them): the Request makes its one Headers from them, where a
    // Headers built here would be copied again.
    const headers = [];
    for (const [k, v] of Object.entries(req.headers)) {
      if (Array.isArray(v)) for (const one of v) headers.push([k, one]);
      else if (v !== undefined) headers.push([k, v]);
    }
    const host = req.headers.host || 'localhost';
    const proto = req.socket.encrypted ? 'https' : 'http';
    const init = { method: req.method, headers, signal: aborted.signal };
    if (!BODYLESS.has(req.method)) init.body = await readBody(req, handler.meta?.bodyLimit ?? 1_000_000);
    const request = new Request(`${proto}://${host}${req.url}`, init);
    const response = await handler(request, { params: Promise.resolve(params) });
    const out = {};
    for (const rule of rules) for (const h of rule.headers) out[h.key.toLowerCase()] = h.value;
    response.headers.forEach((v, k) => {
      if (k !== 'set-cookie') out[k] = v;
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length) out['set-cookie'] = cookies;
    const type = out['content-type'] ?? '';
    if (!response.body || !type.startsWith('text/event-stream')) {
      let body = response.body ? Buffer.from(await response.arrayBuffer()) : null;
      if (body && COMPRESSIBLE.test(type) && !out['content-encoding']) {
        // As Next's compression: the answer varies by Accept-Encoding whether or not this one is compressed.
        out.vary = out.vary ? `${out.vary}, Accept-Encoding` : 'Accept-Encoding';
        if (body.length >= COMPRESS_FROM && takesGzip(req)) {
          body = await gzip(body);
          out['content-encoding'] = 'gzip';
          delete out['content-length'];
        }
      }
      if (body && out['content-length'] === undefined) out['content-length'] = String(body.length);
      res.writeHead(response.status, out);
      res.end(body ?? undefined);
      return;
    }
    res.writeHead(response.status, out);
    res.flushHeaders();
    const reader = response.body.getReader();
    aborted.signal.addEventListener('abort', () => reader.cancel().catch(() => undefined));
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) await new Promise((resolve) => res.once('drain', resolve).once('close', resolve));
    }
    res.end();
  } catch (err) {
    if (aborted.signal.aborted) return;
    console.error('[serve] request failed', err);
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
    res.end('Internal Server Error');
  }
}

function takesGzip(req) {
  if (!req.headers['accept-encoding']) return false;
  return new Negotiator(req).encoding(['gzip', 'identity']) === 'gzip';
}

/**
 * The body, read here so the handler gets it whole: at most `limit` + 1 bytes are kept (the request core
 * answers 413 past its limit, as it does for a streamed body); a declared length over the limit is not read.
 */
function readBody(req, limit) {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    const onData = (chunk) => {
      size += chunk.length;
      chunks.push(chunk);
      if (size <= limit) return;
      // Over the limit: the core answers 413 now; the rest is read and dropped (node's own drain).
      req.off('data', onData);
      req.resume();
      resolve(Buffer.concat(chunks));
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
