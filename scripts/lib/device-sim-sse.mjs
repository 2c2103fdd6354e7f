// The simulated phone's event stream (device-sim-core.mjs): GET /events with the device token, kept open
// (the app's SSE-only mode), reconnecting with backoff (5 s, then 30 s after 5 failures in a row); a stream
// silent for sseIdleMs is taken as dead. Each frame goes to `onEvent(type, data)`.

import { DeviceSimError, failure, sleep, USER_AGENT } from './device-sim-util.mjs';
import { readSSE } from './sse.mjs';

/** dev: { o, base, log, life, token(), isStopped(), halt(err), onConnect(), onEvent(type, data) }. */
export async function sseLoop(dev) {
  const { o, log } = dev;
  let failures = 0;
  while (!dev.isStopped()) {
    const ctl = new AbortController();
    const abort = () => ctl.abort();
    dev.life.signal.addEventListener('abort', abort, { once: true });
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
      const res = await fetch(`${dev.base}/events`, {
        headers: { Authorization: `Bearer ${dev.token()}`, Accept: 'text/event-stream', 'User-Agent': USER_AGENT },
        signal: ctl.signal,
      });
      if (res.status === 401) throw failure({ status: 401, json: null, text: await res.text() }, 'GET /events: device token rejected');
      if (!res.ok || !res.body) throw new Error(`GET /events: HTTP ${res.status}`);
      log('SSE connected');
      touch();
      dev.onConnect();
      for await (const ev of readSSE(res.body)) {
        gotFrame = true;
        failures = 0;
        touch();
        if (ev.comment !== undefined) continue;
        dev.onEvent(ev.event || 'MessageEnqueued', ev.data);
      }
      if (!dev.isStopped()) log('SSE stream ended');
    } catch (err) {
      if (dev.isStopped()) break;
      if (err instanceof DeviceSimError) return dev.halt(err);
      log(`SSE error: ${err.cause?.code ?? err.message}`);
    } finally {
      clearTimeout(idle);
      dev.life.signal.removeEventListener('abort', abort);
      ctl.abort();
    }
    if (dev.isStopped()) break;
    if (!gotFrame) failures += 1;
    const wait = failures > 5 ? o.sseBackoffMs[1] : o.sseBackoffMs[0];
    log(`SSE reconnect in ${wait / 1000} s`);
    await sleep(wait, dev.life.signal);
  }
}
