// What the simulated phone reads from the server besides its work, as the app does: its settings
// (GET /settings: the notification channel, re-read on SettingsUpdated) and its webhooks (GET /webhooks,
// re-read on WebhooksUpdated), to which it posts sms:sent / sms:delivered / sms:failed with the app's JSON
// (WebHooksService.emit: {id, webhookId, event, deviceId, payload}).
import { httpJson, nanoId } from './device-sim-util.mjs';

/**
 * dev: { o, log, request(method, path), deviceId(), signal }.
 * Returns { settings(), channel(), webhooks(), refreshSettings(), refreshWebhooks(), emit(event, payload) }.
 */
export function createAppConfig(dev) {
  let settings = null;
  let hooks = [];
  const sent = new Set(); // in-flight posts, awaited on stop

  /** The channel in force: the option if forced, else what GET /settings says (AUTO when it says nothing). */
  const channel = () => {
    if (dev.o.channel === 'SSE_ONLY' || dev.o.channel === 'AUTO') return dev.o.channel;
    return settings?.gateway?.notification_channel === 'SSE_ONLY' ? 'SSE_ONLY' : 'AUTO';
  };

  async function refreshSettings() {
    const res = await dev.request('GET', '/settings');
    if (!res.ok || !res.json || typeof res.json !== 'object') {
      dev.log(`settings not available (${res.status}); notification channel ${channel()}`);
      return channel();
    }
    settings = res.json;
    dev.log(`settings: notification channel ${channel()}`);
    return channel();
  }

  async function refreshWebhooks() {
    const res = await dev.request('GET', '/webhooks');
    if (res.ok && Array.isArray(res.json)) hooks = res.json.filter((w) => w && typeof w.url === 'string' && typeof w.event === 'string');
    dev.log(`webhooks refreshed (${res.status}): ${hooks.map((w) => w.event).join(', ') || 'none'}`);
    return hooks;
  }

  /** Posts an event to every webhook of it, like SendWebhookWorker: up to 3 tries with the same event id. */
  function emit(event, payload) {
    for (const w of hooks.filter((x) => x.event === event)) {
      const body = { id: nanoId(dev.o.random), webhookId: w.id, event, deviceId: dev.deviceId(), payload };
      const p = (async () => {
        for (let i = 0; i < 3; i++) {
          try {
            const res = await httpJson(w.url, { method: 'POST', body, signal: dev.signal });
            if (res.status < 500) {
              dev.log(`webhook ${event} → ${res.status}`);
              return;
            }
          } catch (err) {
            if (dev.signal.aborted) return;
            dev.log(`webhook ${event} failed: ${err.cause?.code ?? err.message}`);
          }
        }
      })();
      sent.add(p);
      p.finally(() => sent.delete(p));
    }
  }

  return {
    settings: () => settings,
    channel,
    webhooks: () => hooks,
    refreshSettings,
    refreshWebhooks,
    emit,
    settle: () => Promise.allSettled([...sent]),
  };
}
