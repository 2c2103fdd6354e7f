// A simulated "SMS Gateway for Android" phone (docs/device-protocol.md §7). Plain Node 20 ESM, no
// dependencies: it registers, sends a heartbeat, reads its settings and webhooks, keeps the SSE stream open,
// pulls its work and reports per-recipient states the way the app does, without sending anything real.
//
//   import { runDevice } from './scripts/lib/device-sim-core.mjs';
//   const dev = await runDevice({ url: 'http://localhost:3000', login: 'ABC123', password: '…', once: true });
//   await dev.done;                // --once: resolves after one pull has been fully reported
//   dev.deviceId; dev.processed;   // Map id → { state, recipients: [{ phoneNumber, state, error? }], message }
//   await dev.stop();              // long-running: stop SSE, timers and in-flight work
//
// Parts: device-sim-util.mjs (constants, errors, HTTP), device-sim-state.mjs (--state-file),
// device-sim-messages.mjs (pull, reports, cancellation), device-sim-app.mjs (settings, webhooks),
// device-sim-sse.mjs (the event stream).

import { createAppConfig } from './device-sim-app.mjs';
import { createMessages } from './device-sim-messages.mjs';
import { sseLoop } from './device-sim-sse.mjs';
import { loadState, saveState } from './device-sim-state.mjs';
import { APP_VERSION, DeviceSimError, failure, httpJson, mobileBase } from './device-sim-util.mjs';

export { APP_VERSION, DeviceSimError, FAIL_ERROR, messageStateOf, mobileBase, USER_AGENT } from './device-sim-util.mjs';

/**
 * Starts a simulated device. Resolves once it is registered (or re-attached from the state file).
 * Rejects with DeviceSimError on 401 (bad credentials) or 429 (device_limit_reached).
 *
 * options: url (required), login+password | code | token (pairing token), name, failRate (0..1),
 * delayMs, once, stateFile, heartbeatMs (60000), pollMs (15000), sseBackoffMs ([5000, 30000]), sseIdleMs (60000),
 * sse (true), channel ('settings': follow GET /settings; or 'SSE_ONLY' | 'AUTO'), random (() => number),
 * log ((line) => void), onState ((id, state, recipients) => void), battery, charging, pingMs (0: no
 * system:ping; else the app's ping event to its webhooks at that interval).
 * In SSE_ONLY (the server's default) the phone keeps the stream open and pulls on MessageEnqueued and on
 * every (re)connect, without the periodic poll; in AUTO (or with sse: false) it also polls every pollMs.
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
    channel: 'settings',
    random: Math.random,
    log: (line) => console.log(`${new Date().toISOString()} ${line}`),
    onState: () => {},
    battery: 87,
    charging: true,
    pingMs: 0,
    ...options,
  };
  if (!o.url) throw new DeviceSimError('bad_options', 'url is required');
  const base = mobileBase(o.url);
  const log = o.log;
  const life = new AbortController();
  let token = null;
  let deviceId = null;
  let login = null;
  let fatal = null;
  let stopped = false;

  const request = (method, path, { body, auth, signal } = {}) =>
    httpJson(`${base}${path}`, {
      method,
      body,
      auth: auth !== undefined ? auth : token ? `Bearer ${token}` : undefined,
      signal: signal ?? life.signal,
    });
  const dev = { o, base, log, life, request, isStopped: () => stopped, halt: (err) => halt(err), deviceId: () => deviceId };
  dev.signal = life.signal;
  dev.token = () => token;
  const app = createAppConfig(dev);
  dev.app = app;
  const work = createMessages(dev);

  function registrationHeader() {
    if (o.login && o.password !== undefined) return `Basic ${Buffer.from(`${o.login}:${o.password}`).toString('base64')}`;
    if (o.code) return `Code ${o.code}`;
    if (o.token) return `Bearer ${o.token}`;
    throw new DeviceSimError('bad_options', 'Give --login and --password, --code, or --token to register.');
  }

  /** The app's ping payload: its health (HealthResponse) with the battery check. */
  const pingPayload = () => ({
    health: {
      status: 'pass',
      version: APP_VERSION,
      checks: {
        'battery:level': { status: 'pass', description: 'Battery level in percent', observedUnit: 'percent', observedValue: o.battery },
      },
    },
  });

  const heartbeatBody = () => ({ id: deviceId, battery: o.battery, charging: o.charging, appVersion: APP_VERSION });

  async function register() {
    const res = await request('POST', '/device', {
      auth: registrationHeader(),
      body: { name: o.name, simCards: [{ slotIndex: 0, simNumber: 1, phoneNumber: '+959400000000', carrierName: 'Simulated' }] },
    });
    if (res.status !== 201 || !res.json?.id || !res.json?.token) throw failure(res, 'register (POST /device)');
    ({ id: deviceId, token, login } = res.json);
    await saveState(o.stateFile, { base, deviceId, token, login });
    log(`registered device ${deviceId}${login ? ` (login ${login})` : ''}`);
  }

  /** Like the app at start: PATCH /device with the stored token; register again on 401 (or 403). */
  async function attach() {
    const saved = await loadState(o.stateFile, base);
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

  // ---- lifecycle
  let resolveDone;
  let rejectDone;
  const done = new Promise((res, rej) => {
    resolveDone = res;
    rejectDone = rej;
  });
  done.catch(() => {}); // observed through .done by callers

  const timers = [];
  let pollTimer = null;
  async function stop() {
    if (stopped) return done.catch(() => {});
    stopped = true;
    for (const t of timers) clearInterval(t);
    clearInterval(pollTimer);
    life.abort();
    await Promise.allSettled([...work.inFlight]);
    await app.settle();
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
    /** The notification channel in force (SSE_ONLY: no periodic poll). */
    get channel() {
      return app.channel();
    },
    /** The webhooks last read from GET /webhooks. */
    get webhooks() {
      return app.webhooks();
    },
    processed: work.processed,
    done,
    stop,
    /** Pull now (what a MessageEnqueued event does). */
    pull: () => work.pull('manual'),
  };

  const quiet = (what) => (err) =>
    err instanceof DeviceSimError && err.status === 401 ? halt(err) : log(`${what} failed: ${err.cause?.code ?? err.message}`);

  if (o.once) {
    (async () => {
      try {
        await app.refreshWebhooks().catch(quiet('webhooks'));
        await work.pull('once');
        await Promise.all(work.onceWork);
      } catch (err) {
        fatal = err;
      }
      await stop();
    })();
    return handle;
  }

  // Heartbeat with battery/charging/appVersion at start and every heartbeatMs.
  const beat = () => heartbeat().catch(quiet('heartbeat'));
  beat();
  timers.push(setInterval(beat, o.heartbeatMs));
  // The app's system:ping (PingService) to its webhooks every pingMs, when asked for.
  if (o.pingMs > 0) timers.push(setInterval(() => app.emit('system:ping', pingPayload()), o.pingMs));
  const poll = (why) => work.pull(why).catch(quiet('pull'));
  // The periodic poll runs in AUTO (or without SSE); SSE_ONLY relies on the stream.
  const applyChannel = () => {
    const polling = !o.sse || app.channel() === 'AUTO';
    if (polling && !pollTimer) pollTimer = setInterval(() => poll('poll'), o.pollMs);
    if (!polling && pollTimer) {
      clearInterval(pollTimer);
      pollTimer = null;
    }
  };
  await app.refreshSettings().catch(quiet('settings'));
  await app.refreshWebhooks().catch(quiet('webhooks'));
  if (stopped) return handle;
  applyChannel();
  poll('start');
  if (o.sse)
    sseLoop({
      ...dev,
      onConnect: () => poll('sse connect'),
      onEvent(type, data) {
        if (type === 'MessageEnqueued') poll('MessageEnqueued');
        else if (type === 'WebhooksUpdated') app.refreshWebhooks().catch(quiet('webhooks'));
        else if (type === 'SettingsUpdated') app.refreshSettings().then(applyChannel).catch(quiet('settings'));
        else if (type === 'MessageCancelled') {
          let id = null;
          try {
            id = JSON.parse(data)?.messageId ?? null;
          } catch {
            id = null;
          }
          log(`event MessageCancelled ${id ?? data}`);
          if (id && work.processed.has(id)) work.cancel(id);
          else poll('MessageCancelled');
        } else log(`event ${type} ignored`);
      },
    }).catch(halt);
  return handle;
}
