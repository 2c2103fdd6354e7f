// Shared pieces of the simulated phone (device-sim-core.mjs): constants, errors, the HTTP helper and the
// app's message-state rule.

export const APP_VERSION = '1.68.0';
export const USER_AGENT = `SMSGate/${APP_VERSION} (device-sim; Node ${process.versions.node})`;
export const FAIL_ERROR = 'RESULT_ERROR_GENERIC_FAILURE';

/** An error the simulator cannot recover from (bad credentials, device limit, removed device, …). */
export class DeviceSimError extends Error {
  constructor(code, message, status = 0) {
    super(message);
    this.name = 'DeviceSimError';
    this.code = code;
    this.status = status;
  }
}

/** `http://host:3000` or `http://host:3000/api/mobile/v1` → the mobile API base. */
export function mobileBase(url) {
  const u = String(url).replace(/\/+$/, '');
  if (/\/mobile\/v1$/.test(u)) return u;
  return `${u}/api/mobile/v1`;
}

export const sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

/** The app's message state from its recipients (MessageWithRecipients.state in the app). */
export function messageStateOf(recipients) {
  if (recipients.length && recipients.every((r) => r.state === 'Cancelled')) return 'Cancelled';
  if (recipients.some((r) => r.state === 'Pending')) return 'Pending';
  if (recipients.some((r) => r.state === 'Processed')) return 'Processed';
  if (recipients.every((r) => r.state === 'Failed')) return 'Failed';
  if (recipients.every((r) => r.state === 'Delivered')) return 'Delivered';
  return 'Sent';
}

/** A DeviceSimError for an answer that is not what the app expects. */
export function failure(res, what) {
  const msg = res.json?.message ?? res.text.slice(0, 200);
  if (res.status === 401) return new DeviceSimError('unauthorized', `${what}: 401 unauthorized (${msg})`, 401);
  if (res.status === 429)
    return new DeviceSimError(
      res.json?.code ?? 'device_limit_reached',
      `${what}: 429 ${res.json?.code ?? 'device_limit_reached'} (${msg})`,
      429,
    );
  if (res.status === 403)
    return new DeviceSimError(res.json?.code ?? 'forbidden', `${what}: 403 ${res.json?.code ?? 'forbidden'} (${msg})`, 403);
  return new DeviceSimError('http_error', `${what}: HTTP ${res.status} (${msg})`, res.status);
}

/** fetch → {status, ok, json, text}; `url` absolute or a path under the mobile API base. */
export async function httpJson(url, { method = 'GET', body, auth, signal } = {}) {
  const headers = { 'User-Agent': USER_AGENT, Accept: 'application/json' };
  if (auth) headers.Authorization = auth;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  const text = await res.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, ok: res.ok, json, text };
}

/** A 21-character id like the app's NanoIdUtils.randomNanoId(). */
export function nanoId(random = Math.random) {
  const abc = '_-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let s = '';
  for (let i = 0; i < 21; i++) s += abc[Math.floor(random() * abc.length) % abc.length];
  return s;
}
