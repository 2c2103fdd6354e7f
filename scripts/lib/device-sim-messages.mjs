// The simulated phone's work (device-sim-core.mjs): GET /message, the app's per-recipient progress
// Processed → Sent (or Failed) → Delivered reported with PATCH /message, the send options taken as the app
// takes them (simNumber, withDeliveryReport, priority ≥ 100 skips the pause before sending, isEncrypted),
// cancellation (MessageCancelled or a pulled `Cancelling`: Cancelled unless already sent) and the app's
// sms:* webhook events for each recipient.
import { DeviceSimError, FAIL_ERROR, failure, messageStateOf, sleep } from './device-sim-util.mjs';

/** The options the app reads from a pulled message, kept on the entry (`processed.get(id).message`). */
function optionsOf(m) {
  return {
    simNumber: m.simNumber ?? null,
    withDeliveryReport: m.withDeliveryReport !== false,
    priority: m.priority ?? 0,
    isEncrypted: m.isEncrypted === true,
    validUntil: m.validUntil ?? null,
  };
}

/** dev: { o, log, request, life, isStopped(), halt(err), app (createAppConfig) }. */
export function createMessages(dev) {
  const { o, log } = dev;
  const processed = new Map(); // id → { state, reported, busy, recipients, states, message, cancelRequested }
  const inFlight = new Set();
  const onceWork = [];
  const now = () => new Date().toISOString();

  function track(p) {
    inFlight.add(p);
    p.catch((err) => {
      if (dev.isStopped()) return;
      if (err instanceof DeviceSimError && err.status === 401) dev.halt(err);
      else log(`report failed: ${err.cause?.code ?? err.message}`);
    }).finally(() => inFlight.delete(p));
    return p;
  }

  async function patchStates(entry, id) {
    const body = [
      { id, state: messageStateOf(entry.recipients), recipients: entry.recipients.map((r) => ({ ...r })), states: { ...entry.states } },
    ];
    for (const r of body[0].recipients) if (r.error == null) delete r.error;
    const res = await dev.request('PATCH', '/message', { body });
    if (res.status === 401) throw failure(res, 'PATCH /message: device token rejected');
    if (res.status !== 204 && !res.ok) throw failure(res, `PATCH /message ${id}`);
    const state = body[0].state;
    entry.state = state;
    entry.reported = state;
    const detail = entry.recipients.length > 1 ? ` [${entry.recipients.map((r) => `${r.phoneNumber}:${r.state}`).join(', ')}]` : '';
    log(`message ${id} → ${state}${detail}`);
    o.onState(id, state, body[0].recipients);
  }

  /** The app's SmsEventPayload for each recipient that just reached `state`. */
  function emitFor(entry, id, state, recipients) {
    const event = { Sent: 'sms:sent', Delivered: 'sms:delivered', Failed: 'sms:failed' }[state];
    for (const r of recipients) {
      const base = { messageId: id, phoneNumber: r.phoneNumber, simNumber: entry.message.simNumber };
      if (state === 'Sent') dev.app.emit(event, { ...base, partsCount: 1, sentAt: entry.states.Sent });
      else if (state === 'Delivered') dev.app.emit(event, { ...base, deliveredAt: entry.states.Delivered });
      else dev.app.emit(event, { ...base, failedAt: entry.states.Failed, reason: r.error ?? FAIL_ERROR });
    }
  }

  async function reportCancelled(entry, id) {
    for (const r of entry.recipients) Object.assign(r, { state: 'Cancelled', error: null });
    entry.states.Cancelled = now();
    await patchStates(entry, id);
  }

  async function sendSteps(m, entry) {
    for (const r of entry.recipients) r.state = 'Processed';
    entry.states.Processed = now();
    await patchStates(entry, m.id);

    // The app sends priority ≥ 100 at once (no send delay); the others after delayMs.
    if (entry.message.priority < 100) await sleep(o.delayMs, dev.life.signal);
    if (dev.isStopped()) return;
    if (entry.cancelRequested) return reportCancelled(entry, m.id);
    const failing = new Set(entry.recipients.filter(() => o.random() < o.failRate).map((r) => r.phoneNumber));
    for (const r of entry.recipients) {
      if (failing.has(r.phoneNumber)) Object.assign(r, { state: 'Failed', error: FAIL_ERROR });
      else r.state = 'Sent';
    }
    if (failing.size) entry.states.Failed = now();
    if (failing.size < entry.recipients.length) entry.states.Sent = now();
    await patchStates(entry, m.id);
    emitFor(
      entry,
      m.id,
      'Sent',
      entry.recipients.filter((r) => r.state === 'Sent'),
    );
    emitFor(
      entry,
      m.id,
      'Failed',
      entry.recipients.filter((r) => r.state === 'Failed'),
    );
    if (failing.size === entry.recipients.length || !entry.message.withDeliveryReport) return;

    await sleep(o.delayMs, dev.life.signal);
    if (dev.isStopped()) return;
    const delivered = entry.recipients.filter((r) => r.state === 'Sent');
    for (const r of delivered) r.state = 'Delivered';
    entry.states.Delivered = now();
    await patchStates(entry, m.id);
    emitFor(entry, m.id, 'Delivered', delivered);
  }

  /** One message: Processed, then after delayMs Sent (or Failed), then Delivered. */
  async function processMessage(m) {
    const entry = {
      state: 'Pending',
      reported: null,
      busy: true,
      cancelRequested: false,
      message: optionsOf(m),
      // What the phone would have sent (specs read a one-time code from it, as its owner would).
      text: m.textMessage?.text ?? m.message ?? null,
      recipients: (m.phoneNumbers ?? []).map((p) => ({ phoneNumber: p, state: 'Pending', error: null })),
      states: { Pending: now() },
    };
    processed.set(m.id, entry);
    if (!entry.recipients.length) {
      log(`message ${m.id} has no phoneNumbers; ignored`);
      entry.busy = false;
      return;
    }
    const opts = entry.message;
    log(
      `message ${m.id}: ${entry.recipients.length} recipient(s)` +
        `${opts.simNumber ? ` sim ${opts.simNumber}` : ''}${opts.priority ? ` priority ${opts.priority}` : ''}` +
        `${opts.isEncrypted ? ' encrypted' : ''}${opts.withDeliveryReport ? '' : ' no delivery report'}`,
    );
    try {
      await sendSteps(m, entry);
    } catch (err) {
      if (dev.isStopped() || (err instanceof DeviceSimError && err.status === 401)) throw err;
      // Network trouble or a refused report: forget it if the server never heard of it (the next pull
      // returns it again), otherwise the next pull that lists it re-reports the current state.
      log(`message ${m.id}: report failed (${err.cause?.code ?? err.message})`);
      if (!entry.reported) processed.delete(m.id);
    } finally {
      entry.busy = false;
    }
  }

  /** A cancellation (MessageCancelled or a pulled Cancelling): Cancelled if not sent yet; else the state again. */
  function cancel(id, m) {
    const known = processed.get(id);
    if (known) {
      if (known.busy && (known.state === 'Pending' || known.state === 'Processed')) known.cancelRequested = true;
      else if (known.reported && !known.busy) track(patchStates(known, id));
      return;
    }
    if (!m) return; // not held here: the next pull offers it as Cancelling
    const entry = {
      state: 'Cancelled',
      reported: null,
      busy: false,
      message: optionsOf(m),
      recipients: (m.phoneNumbers ?? []).map((p) => ({ phoneNumber: p, state: 'Cancelled', error: null })),
      states: {},
    };
    processed.set(id, entry);
    track(reportCancelled(entry, id));
  }

  let pulling = null;
  let pullAgain = false;
  /** GET /message; de-duplicates by id as the app does (a known id only gets its state reported again). */
  async function pull(reason) {
    if (dev.isStopped()) return;
    if (pulling) {
      pullAgain = reason;
      return pulling;
    }
    pulling = (async () => {
      do {
        if (pullAgain) reason = pullAgain;
        pullAgain = false;
        const res = await dev.request('GET', '/message?order=fifo');
        if (res.status === 401) throw failure(res, 'GET /message: device token rejected, the device was removed');
        if (!res.ok || !Array.isArray(res.json)) throw failure(res, 'GET /message');
        const list = res.json;
        log(`pulled ${list.length} (${reason})`);
        for (const m of list) {
          if (!m?.id) continue;
          if (m.state === 'Cancelling') {
            cancel(m.id, m);
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
      } while (pullAgain && !dev.isStopped());
    })();
    try {
      await pulling;
    } finally {
      pulling = null;
    }
  }

  return { processed, inFlight, onceWork, pull, cancel };
}
