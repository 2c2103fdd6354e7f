// Real app instances for the horizontal-scale tests: the production build (made by the global setup on
// PostgreSQL runs) served by scripts/serve.mjs with the same Node flags as `npm start` (scripts/server-flags.mjs) in child processes, each on its own loopback port, all on one
// database. Each instance runs its own background workers, as a deployment behind a load balancer does.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { serverNodeFlags } from '../../scripts/server-flags.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface Instance {
  url: string;
  port: number;
  pid: number;
  /** What the instance printed (for failures). */
  output: () => string;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Starts one instance on a free port and waits (bounded) until it answers. */
export async function startInstance(databaseUrl: string, env: Record<string, string> = {}): Promise<Instance> {
  const port = await freePort();
  let out = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [...serverNodeFlags(), path.join(ROOT, 'scripts', 'serve.mjs'), '-p', String(port), '-H', '127.0.0.1'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl,
        AUTH_SECRET: randomBytes(32).toString('base64url'),
        AUTH_TRUST_HOST: 'true',
        NEXT_TELEMETRY_DISABLED: '1',
        // No SMPP server unless a test asks for one on a port of its own (2775 may be taken).
        SMPP_PORT: '0',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (d) => {
    out += String(d);
  });
  child.stderr?.on('data', (d) => {
    out += String(d);
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`instance on ${port} exited (${child.exitCode}):\n${out}`);
    try {
      // The spec document needs no database: once it answers, the server is listening. The first request
      // that touches the database waits for the migrations the instance runs at start.
      const res = await fetch(`${url}/api/openapi.json`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`instance on ${port} did not answer within 60 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, port, pid: child.pid ?? 0, output: () => out, stop };
}

export interface Answer {
  status: number;
  json: Record<string, unknown> & { error?: { code: string } };
  headers: Headers;
}

/** One JSON request to an instance. */
export async function request(
  base: string,
  method: string,
  p: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(base + p, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const text = await res.text();
  let json: Answer['json'] = {};
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    json = { raw: text } as Answer['json'];
  }
  return { status: res.status, json, headers: res.headers };
}
