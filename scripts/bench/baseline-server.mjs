#!/usr/bin/env node
// The benchmark's lower bound: a bare node:http + postgres.js server answering the six benchmarked requests
// with the same SQL the app's services send (captured with log_statement = 'all' from the production build
// and copied here statement by statement: same text, same parameters, same transaction boundaries, same
// FOR UPDATE locks, same parallelism), the same JSON shapes, and no framework, no zod, no session or API-key
// lookup, no rate-limit counter: a constant bearer token plus an `x-actor` header name the caller.
//   BASELINE_PORT=3901 DATABASE_URL=postgres://… BASELINE_TOKEN=… node scripts/bench/baseline-server.mjs
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import postgres from 'postgres';

import { activation } from './baseline-activate.mjs';
import { clientQueries } from './baseline-clients.mjs';
import { messaging } from './baseline-messages.mjs';
import { httpError } from './baseline-sql.mjs';

// ---- the services, as plain functions over postgres.js ----

export function createBaseline(sql) {
  const { listClients, getClient, clientsPage } = clientQueries(sql);
  const { activatePackage } = activation(sql, getClient);
  const { queueMessage, pull } = messaging(sql);
  return { listClients, activatePackage, queueMessage, pull, clientsPage };
}

// ---- the HTTP server ----

async function readJson(req) {
  const chunks = [];
  let size = 0;
  for await (const c of req) {
    size += c.length;
    if (size > 1_000_000) throw httpError(413, 'payload_too_large', 'Request body is too large.');
    chunks.push(c);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text.trim() ? JSON.parse(text) : {};
  } catch {
    throw httpError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
}

export function startBaselineServer({ port, databaseUrl, token, poolMax = 10 }) {
  const sql = postgres(databaseUrl, { max: poolMax, onnotice: () => {} });
  const svc = createBaseline(sql);
  const send = (res, status, body, type = 'application/json') => {
    const payload = type === 'application/json' ? JSON.stringify(body) : body;
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(payload) });
    res.end(payload);
  };
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      const auth = req.headers.authorization ?? '';
      const actor = Number(req.headers['x-actor']);
      const bearer = auth.startsWith('Bearer ') ? auth.slice(7) : '';
      // The device pull names its device by its own token (as the app does); everything else by the constant.
      if (req.method === 'GET' && url.pathname === '/api/mobile/v1/message') return send(res, 200, await svc.pull(bearer));
      if (bearer !== token || !Number.isSafeInteger(actor) || actor <= 0)
        throw httpError(401, 'unauthorized', 'Missing or invalid credentials.');
      if (req.method === 'GET' && url.pathname === '/api/reseller/clients') {
        const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) | 0);
        const search = url.searchParams.get('search')?.trim() || undefined;
        return send(res, 200, await svc.listClients(sql, actor, { page, limit: 20, search }));
      }
      const activate = /^\/api\/reseller\/clients\/(\d+)\/activate$/.exec(url.pathname);
      if (req.method === 'POST' && activate) {
        const body = await readJson(req);
        return send(res, 201, await svc.activatePackage(actor, Number(activate[1]), String(body.package_type ?? '')));
      }
      if (req.method === 'POST' && url.pathname === '/api/v1/sms/send') {
        const body = await readJson(req);
        const phones = (Array.isArray(body.phones) ? body.phones : [body.phone ?? '']).map((p) => `+${String(p).replace(/[^\d]/g, '')}`);
        return send(res, 202, await svc.queueMessage(actor, phones, String(body.message ?? '')));
      }
      if (req.method === 'GET' && url.pathname === '/reseller/clients') {
        const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) | 0);
        return send(res, 200, await svc.clientsPage(actor, page), 'text/html; charset=utf-8');
      }
      throw httpError(404, 'not_found', 'Not found.');
    } catch (err) {
      if (!err.status) console.error('[baseline]', err);
      send(res, err.status ?? 500, {
        error: { code: err.code ?? 'internal_error', message: err.status ? err.message : 'Internal error.' },
      });
    }
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () =>
      resolve({
        server,
        close: async () => {
          server.close();
          await sql.end({ timeout: 5 });
        },
      }),
    ),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.BASELINE_PORT || 3901);
  const token = process.env.BASELINE_TOKEN;
  const databaseUrl = process.env.DATABASE_URL;
  if (!token || !databaseUrl) throw new Error('BASELINE_TOKEN and DATABASE_URL are required');
  const { close } = await startBaselineServer({ port, databaseUrl, token, poolMax: Number(process.env.BASELINE_POOL_MAX || 10) });
  console.log(`[baseline] listening on http://127.0.0.1:${port}`);
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => close().finally(() => process.exit(0)));
}
