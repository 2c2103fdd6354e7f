// A simulated "SMS Gateway for Android" phone (docs/device-protocol.md). Plain Node 20 ESM, no dependencies:
// it registers, sends a heartbeat, listens on SSE, pulls its work and reports per-recipient states the way
// the app does, without sending anything real.
//
//   import { runDevice } from './scripts/lib/device-sim-core.mjs';
//   const dev = await runDevice({ url: 'http://localhost:3000', login: 'ABC123', password: '…', once: true });
//   await dev.done;                // --once: resolves after one pull has been fully reported
//   dev.deviceId; dev.processed;   // Map id → { state, recipients: [{ phoneNumber, state, error? }] }
//   await dev.stop();              // long-running: stop SSE, timers and in-flight work

import { readFile, rename, writeFile } from 'node:fs/promises';
import { readSSE } from './sse.mjs';

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

const sleep = (ms, signal) =>
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
  if (recipients.some((r) => r.state === 'Pending')) return 'Pending';
  if (recipients.some((r) => r.state === 'Processed')) return 'Processed';
  if (recipients.every((r) => r.state === 'Failed')) return 'Failed';
  if (recipients.every((r) => r.state === 'Delivered')) return 'Delivered';
  return 'Sent';
}

/**
 * Starts a simulated device. Resolves once it is registered (or re-attached from the state file).
 * Rejects with DeviceSimError on 401 (bad credentials) or 429 (device_limit_reached).
 *
 * options: url (required), login+password | code | token (pairing token), name, failRate (0..1),
 * delayMs, once, stateFile, heartbeatMs (60000), pollMs (15000), sseBackoffMs ([5000, 30000]), sseIdleMs (60000),
 * sse (true), random (() => number), log ((line) => void), onState ((id, state, recipients) => void),
 * battery, charging.
 */
export async function runDevice(options) {
  const o = {
    name: 'Sim phone',
    failRate: 0,
    delayMs: 300,
    once: false,
    heartbeatMs: 60_000,
    pollMs: 15_000,
    sseBackoffMs: [5_000, 30_000],
    sseIdleMs: 60_000,
    sse: true,
    random: Math.random,
    log: (line) => console.log(`${new Date().toISOString()} ${line}`),
    onState: () => {},
    battery: 87,
    charging: true,
    ...options,
  };
  if (!o.url) throw new DeviceSimError('bad_options', 'url is required');
  const base = mobileBase(o.url);
  const log = o.log;
  const life = new AbortController();
  const processed = new Map(); // id → { state, recipients, states }
  const inFlight = new Set(); // promises of message processing
  let token = null;
  let deviceId = null;
  let login = null;
  let fatal = null;
  let stopped = false;

  async function request(method, path, { body, auth, signal } = {}) {
    const headers = { 'User-Agent': USER_AGENT, Accept: 'application/json' };
    if (auth !== undefined) headers.Authorization = auth;
    else if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: signal ?? life.signal,
    });
    const text = await res.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: res.status, ok: res.ok, json, text };
  }

  function registrationHeader() {
    if (o.login && o.password !== undefined) return `Basic ${Buffer.from(`${o.login}:${o.password}`).toString('base64')}`;
    if (o.code) return `Code ${o.code}`;
    if (o.token) return `Bearer ${o.token}`;
    throw new DeviceSimError('bad_options', 'Give --login and --password, --code, or --token to register.');
  }

  function failure(res, what) {
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

  async function loadState() {
    if (!o.stateFile) return null;
    try {
      const s = JSON.parse(await readFile(o.stateFile, 'utf8'));
      return s && s.base === base && s.token && s.deviceId ? s : null;
    } catch {
      return null;
    }
  }

  async function saveState() {
    if (!o.stateFile) return;
    const tmp = `${o.stateFile}.tmp-${process.pid}`;
    await writeFile(tmp, JSON.stringify({ base, deviceId, token, login, savedAt: new Date().toISOString() }, null, 2), { mode: 0o600 });
    await rename(tmp, o.stateFile);
  }

  const heartbeatBody = () => ({ id: deviceId, battery: o.battery, charging: o.charging, appVersion: APP_VERSION });

  async function register() {
    const res = await request('POST', '/device', {
      auth: registrationHeader(),
      body: { name: o.name, simCards: [{ slotIndex: 0, simNumber: 1, phoneNumber: '+959400000000', carrierName: 'Simulated' }] },
    });
    if (res.status !== 201 || !res.json?.id || !res.json?.token) throw failure(res, 'register (POST /device)');
    ({ id: deviceId, token, login } = res.json);
    await saveState();
    log(`registered device ${deviceId}${login ? ` (login ${login})` : ''}`);
  }

  /** Like the app at start: PATCH /device with the stored token; register again on 401 (or 403). */
  async function attach() {
    const saved = await loadState();
    if (saved) {
      token = saved.token;
      deviceId = saved.deviceId;
      login = saved.login ?? null;
      const res = await request('PATCH', '/device', { body: heartbeatBody() });
      if (res.status === 204 || res.ok) {
        log(`re-attached device ${deviceId} from ${o.stateFile}`);
        return;
      }
      if (res.status !== 401 && res.status !== 403) throw failure(res, 'PATCH /device');
      log(`stored token rejected (${res.status}); registering again`);
      token = null;
      deviceId = null;
    }
    await register();
  }

  async function heartbeat() {
    const res = await request('PATCH', '/device', { body: heartbeatBody() });
    if (res.status === 401) throw failure(res, 'heartbeat (PATCH /device): device token rejected, the device was removed');
    if (res.status !== 204 && !res.ok) throw failure(res, 'heartbeat (PATCH /device)');
    log(`heartbeat battery=${o.battery}% charging=${o.charging}`);
  }

  async function patchStates(entry, id) {
    const body = [
      { id, state: messageStateOf(entry.recipients), recipients: entry.recipients.map((r) => ({ ...r })), states: { ...entry.states } },
    ];
    for (const r of body[0].recipients) if (r.error == null) delete r.error;
    const res = await request('PATCH', '/message', { body });
    if (res.status === 401) throw failure(res, 'PATCH /message: device token rejected');
    if (res.status !== 204 && !res.ok) throw failure(res, `PATCH /message ${id}`);
    const state = body[0].state;
    entry.state = state;
    entry.reported = state;
    const detail = entry.recipients.length > 1 ? ` [${entry.recipients.map((r) => `${r.phoneNumber}:${r.state}`).join(', ')}]` : '';
    log(`message ${id} → ${state}${detail}`);
    o.onState(id, state, body[0].recipients);
  }

  /** One message: Processed, then after delayMs Sent (or Failed), then Delivered. */
  async function processMessage(m) {
    const entry = {
      state: 'Pending',
      reported: null,
      busy: true,
      recipients: (m.phoneNumbers ?? []).map((p) => ({ phoneNumber: p, state: 'Pending', error: null })),
      states: { Pending: new Date().toISOString() },
    };
    processed.set(m.id, entry);
    if (!entry.recipients.length) {
      log(`message ${m.id} has no phoneNumbers; ignored`);
      return;
    }
    try {
      await sendSteps(m, entry);
    } catch (err) {
      if (stopped || (err instanceof DeviceSimError && err.status === 401)) throw err;
      // Network trouble or a refused report: forget it if the server never heard of it (the next pull
      // returns it again), otherwise the next pull that lists it re-reports the current state.
      log(`message ${m.id}: report failed (${err.cause?.code ?? err.message})`);
      if (!entry.reported) processed.delete(m.id);
    } finally {
      entry.busy = false;
    }
  }

  async function sendSteps(m, entry) {
    const now = () => new Date().toISOString();
    for (const r of entry.recipients) r.state = 'Processed';
    entry.states.Processed = now();
    await patchStates(entry, m.id);

    await sleep(o.delayMs, life.signal);
    if (stopped) return;
    const failing = new Set(entry.recipients.filter(() => o.random() < o.failRate).map((r) => r.phoneNumber));
    for (const r of entry.recipients) {
      if (failing.has(r.phoneNumber)) Object.assign(r, { state: 'Failed', error: FAIL_ERROR });
      else r.state = 'Sent';
    }
    if (failing.size) entry.states.Failed = now();
    if (failing.size < entry.recipients.length) entry.states.Sent = now();
    await patchStates(entry, m.id);
    if (failing.size === entry.recipients.length || m.withDeliveryReport === false) return;

    await sleep(o.delayMs, life.signal);
    if (stopped) return;
    for (const r of entry.recipients) if (r.state === 'Sent') r.state = 'Delivered';
    entry.states.Delivered = now();
    await patchStates(entry, m.id);
  }

  function track(p) {
    inFlight.add(p);
    p.catch((err) => {
      if (stopped) return;
      if (err instanceof DeviceSimError && err.status === 401) halt(err);
      else log(`report failed: ${err.cause?.code ?? err.message}`);
    }).finally(() => inFlight.delete(p));
    return p;
  }

  let pulling = null;
  let pullAgain = false;
  /** GET /message; de-duplicates by id as the app does (a known id only gets its state reported again). */
  async function pull(reason) {
    if (stopped) return;
    if (pulling) {
      pullAgain = reason;
      return pulling;
    }
    pulling = (async () => {
      do {
        if (pullAgain) reason = pullAgain;
        pullAgain = false;
        const res = await request('GET', '/message?order=fifo');
        if (res.status === 401) throw failure(res, 'GET /message: device token rejected, the device was removed');
        if (!res.ok || !Array.isArray(res.json)) throw failure(res, 'GET /message');
        const list = res.json;
        log(`pulled ${list.length} (${reason})`);
        for (const m of list) {
          if (!m?.id) continue;
          if (m.state === 'Cancelling') {
            if (!processed.has(m.id)) {
              const entry = {
                state: 'Cancelled',
                reported: null,
                recipients: (m.phoneNumbers ?? []).map((p) => ({ phoneNumber: p, state: 'Cancelled' })),
                states: { Cancelled: new Date().toISOString() },
              };
              processed.set(m.id, entry);
              track(
                request('PATCH', '/message', {
                  body: [{ id: m.id, state: 'Cancelled', recipients: entry.recipients, states: entry.states }],
                }).then(() => log(`message ${m.id} → Cancelled`)),
              );
            }
            continue;
          }
          if (m.state && m.state !== 'Pending') continue;
          const known = processed.get(m.id);
          if (known) {
            // Already known: the app just reports its current state again (if nothing is in flight for it).
            if (known.reported && !known.busy) track(patchStates(known, m.id));
            continue;
          }
          const p = processMessage(m);
          track(p);
          if (o.once) onceWork.push(p);
        }
      } while (pullAgain && !stopped);
    })();
    try {
      await pulling;
    } finally {
      pulling = null;
    }
  }

  const onceWork = [];

  // ---- SSE: GET /events with the device token, reconnect with backoff (5 s, then 30 s after 5 failures)
  async function sseLoop() {
    let failures = 0;
    while (!stopped) {
      const ctl = new AbortController();
      const abort = () => ctl.abort();
      life.signal.addEventListener('abort', abort, { once: true });
      let gotFrame = false;
      // The server sends a keepalive every 15 s; a silent stream for sseIdleMs is a dead connection.
      let idle = null;
      const touch = () => {
        clearTimeout(idle);
        idle = setTimeout(() => {
          log(`SSE silent for ${o.sseIdleMs / 1000} s`);
          ctl.abort();
        }, o.sseIdleMs);
      };
      try {
        const res = await fetch(`${base}/events`, {
          headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream', 'User-Agent': USER_AGENT },
          signal: ctl.signal,
        });
        if (res.status === 401) throw failure({ status: 401, json: null, text: await res.text() }, 'GET /events: device token rejected');
        if (!res.ok || !res.body) throw new Error(`GET /events: HTTP ${res.status}`);
        log('SSE connected');
        touch();
        pull('sse connect').catch(halt);
        for await (const ev of readSSE(res.body)) {
          gotFrame = true;
          failures = 0;
          touch();
          if (ev.comment !== undefined) continue;
          const type = ev.event || 'MessageEnqueued';
          if (type === 'MessageEnqueued') pull('MessageEnqueued').catch(halt);
          else if (type === 'WebhooksUpdated')
            request('GET', '/webhooks')
              .then((r) => log(`webhooks refreshed (${r.status})`))
              .catch(() => {});
          else if (type === 'SettingsUpdated')
            request('GET', '/settings')
              .then((r) => log(`settings refreshed (${r.status})`))
              .catch(() => {});
          else if (type === 'MessageCancelled') log(`event MessageCancelled ${ev.data}`);
          else log(`event ${type} ignored`);
        }
        if (!stopped) log('SSE stream ended');
      } catch (err) {
        if (stopped) break;
        if (err instanceof DeviceSimError) return halt(err);
        log(`SSE error: ${err.cause?.code ?? err.message}`);
      } finally {
        clearTimeout(idle);
        life.signal.removeEventListener('abort', abort);
        ctl.abort();
      }
      if (stopped) break;
      if (!gotFrame) failures += 1;
      const wait = failures > 5 ? o.sseBackoffMs[1] : o.sseBackoffMs[0];
      log(`SSE reconnect in ${wait / 1000} s`);
      await sleep(wait, life.signal);
    }
  }

  // ---- lifecycle
  let resolveDone;
  let rejectDone;
  const done = new Promise((res, rej) => {
    resolveDone = res;
    rejectDone = rej;
  });
  done.catch(() => {}); // observed through .done by callers

  const timers = [];
  async function stop() {
    if (stopped) return done.catch(() => {});
    stopped = true;
    for (const t of timers) clearInterval(t);
    life.abort();
    await Promise.allSettled([...inFlight]);
    if (fatal) rejectDone(fatal);
    else resolveDone();
    log('stopped');
  }

  function halt(err) {
    if (stopped) return;
    fatal = err instanceof Error ? err : new Error(String(err));
    log(`fatal: ${fatal.message}`);
    stop();
  }

  try {
    await attach();
  } catch (err) {
    stopped = true;
    life.abort();
    if (err?.name === 'TypeError' && err.cause)
      throw new DeviceSimError('connect_failed', `cannot reach ${base}: ${err.cause.code ?? err.cause.message}`);
    throw err;
  }

  const handle = {
    get deviceId() {
      return deviceId;
    },
    get token() {
      return token;
    },
    get login() {
      return login;
    },
    processed,
    done,
    stop,
    /** Pull now (what a MessageEnqueued event does). */
    pull: () => pull('manual'),
  };

  if (o.once) {
    (async () => {
      try {
        await pull('once');
        await Promise.all(onceWork);
      } catch (err) {
        fatal = err;
      }
      await stop();
    })();
    return handle;
  }

  // Heartbeat with battery/charging/appVersion at start and every heartbeatMs.
  const beat = () =>
    heartbeat().catch((err) =>
      err instanceof DeviceSimError && err.status === 401 ? halt(err) : log(`heartbeat failed: ${err.cause?.code ?? err.message}`),
    );
  beat();
  timers.push(setInterval(beat, o.heartbeatMs));
  // Fallback polling: once at start and every pollMs.
  const poll = (why) =>
    pull(why).catch((err) =>
      err instanceof DeviceSimError && err.status === 401 ? halt(err) : log(`pull failed: ${err.cause?.code ?? err.message}`),
    );
  poll('start');
  timers.push(setInterval(() => poll('poll'), o.pollMs));
  if (o.sse) sseLoop().catch(halt);
  return handle;
}
