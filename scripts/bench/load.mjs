// The load generator: a fixed number of HTTP requests at a fixed concurrency over keep-alive connections
// (node:http, one socket per worker), latency measured per request from write to the last body byte.
import http from 'node:http';
import { assertLoopback } from './lib.mjs';

/**
 * Sends `total` requests, `concurrency` at a time. `makeRequest(i)` gives request i (0-based) as
 * { method, path, headers, body }. Returns latencies (ms), wall time, and status counts.
 * Bounded: every request has a timeout, and the whole run a deadline.
 */
export async function runLoad({
  baseUrl,
  total,
  concurrency,
  makeRequest,
  timeoutMs = 30_000,
  deadlineMs = 600_000,
  expect = (s) => s >= 200 && s < 300,
}) {
  const base = assertLoopback(baseUrl, 'target');
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });
  const latencies = new Float64Array(total);
  const statuses = new Map();
  let failures = 0;
  let firstFailure = null;
  let bytes = 0;
  let next = 0;
  const deadline = Date.now() + deadlineMs;
  const started = performance.now();
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= total) return;
      if (Date.now() > deadline) throw new Error(`load run passed its ${deadlineMs / 1000} s deadline`);
      const req = makeRequest(i);
      const t0 = performance.now();
      const { status, body } = await send(agent, base, req, timeoutMs);
      latencies[i] = performance.now() - t0;
      bytes += Buffer.byteLength(body);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (!expect(status)) {
        failures++;
        firstFailure ??= `${req.method} ${req.path} → ${status} ${body.slice(0, 300)}`;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  } finally {
    agent.destroy();
  }
  const wallMs = performance.now() - started;
  const result = {
    ...summarize(Array.from(latencies), wallMs),
    statuses: Object.fromEntries(statuses),
    failures,
    firstFailure,
    bytesPerResponse: bytes / total,
  };
  // Kept for mergeRuns, out of any printed or stored copy of the result.
  Object.defineProperty(result, 'latencies', { value: latencies });
  return result;
}

function send(agent, base, { method = 'GET', path, headers = {}, body }, timeoutMs) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const req = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method,
        path,
        headers: {
          ...(payload !== undefined ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          ...headers,
        },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** Percentiles by nearest rank over the sorted latencies. */
export function summarize(latencies, wallMs) {
  const sorted = Float64Array.from(latencies).sort();
  const n = sorted.length;
  const pct = (q) => (n ? sorted[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))] : NaN);
  const mean = n ? sorted.reduce((a, b) => a + b, 0) / n : NaN;
  return { count: n, wallMs, rps: n / (wallMs / 1000), p50: pct(0.5), p95: pct(0.95), p99: pct(0.99), mean, max: n ? sorted[n - 1] : NaN };
}

/**
 * Runs of the same side, one measurement: every latency, the wall time and the counts added up (for the rounds
 * that interleave the two sides, scripts/bench/run.mjs).
 */
export function mergeRuns(runs) {
  const latencies = runs.flatMap((r) => Array.from(r.latencies));
  const wallMs = runs.reduce((a, r) => a + r.wallMs, 0);
  const statuses = {};
  for (const r of runs) for (const [k, v] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  const n = latencies.length;
  return {
    ...summarize(latencies, wallMs),
    statuses,
    failures: runs.reduce((a, r) => a + r.failures, 0),
    firstFailure: runs.find((r) => r.firstFailure)?.firstFailure ?? null,
    bytesPerResponse: n ? runs.reduce((a, r) => a + r.bytesPerResponse * r.count, 0) / n : 0,
  };
}

/** One request, for set-up steps (sign-in, readiness): resolves with status, headers and body. */
export function request(baseUrl, { method = 'GET', path, headers = {}, body }, timeoutMs = 10_000) {
  const base = assertLoopback(baseUrl, 'target');
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: base.hostname,
        port: base.port,
        method,
        path,
        headers: { ...(body !== undefined ? { 'content-length': Buffer.byteLength(body) } : {}), ...headers },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}
