// The API's route handlers served over HTTP in the test process (no build): for clients that speak HTTP
// themselves, such as the simulated phone (scripts/lib/device-sim-core.mjs). Streams answers (SSE) as they
// come and records every request as `METHOD /path`.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { RouteHandler } from './http';
import { loadRouteHandlers } from './routes';

export interface RouteServer {
  url: string;
  requests: string[];
  close: () => Promise<void>;
}

export async function startRouteServer(): Promise<RouteServer> {
  const handlers = await loadRouteHandlers();
  const routes = [...handlers].map(([key, handler]) => {
    const [method, pattern] = key.split(' ');
    const names: string[] = [];
    const re = new RegExp(
      `^${pattern.replace(/\{(\w+)\}/g, (_, n) => {
        names.push(n);
        return '([^/]+)';
      })}$`,
    );
    return { method: method.toUpperCase(), re, names, handler: handler as RouteHandler };
  });
  const requests: string[] = [];
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    requests.push(`${req.method} ${url.pathname}`);
    const route = routes.find((r) => r.method === req.method && r.re.test(url.pathname));
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    const m = route.re.exec(url.pathname) ?? [];
    const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const ctl = new AbortController();
    res.on('close', () => ctl.abort());
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const answer = await route.handler(
      new Request(url, {
        method: req.method,
        headers,
        body: chunks.length ? Buffer.concat(chunks) : undefined,
        signal: ctl.signal,
      }),
      { params: Promise.resolve(params) },
    );
    res.writeHead(answer.status, Object.fromEntries(answer.headers));
    if (!answer.body) return void res.end();
    Readable.fromWeb(answer.body as import('node:stream/web').ReadableStream)
      .on('error', () => res.end())
      .pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
