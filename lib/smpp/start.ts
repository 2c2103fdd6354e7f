// Starts this instance's SMPP server from the environment (lib/startup.ts, every instance). A port that
// is taken or a bad setting is logged and leaves the rest of the app running.
import { getDb } from '@/db';
import { onShutdown } from '@/lib/events';
import { logError } from '@/lib/log';
import { smppConfig } from './config';
import { SmppServer } from './server';

const key = Symbol.for('sms-platform.smpp');
type G = typeof globalThis & { [key]?: SmppServer };

export async function startSmppFromEnv(listenUrl: string | undefined): Promise<SmppServer | null> {
  const g = globalThis as G;
  if (g[key]) return g[key];
  try {
    const config = smppConfig();
    if (config.port === null && config.tlsPort === null) {
      console.log('[startup] SMPP server off (SMPP_PORT=0)');
      return null;
    }
    const server = new SmppServer({
      port: config.port,
      tlsPort: config.tlsPort,
      tls: config.tls,
      getDb,
      listenUrl,
      bindAttemptsPerMinute: config.bindAttemptsPerMinute,
    });
    g[key] = server;
    const ports = await server.start();
    onShutdown(() => void server.stop());
    const on = [ports.port && `port ${ports.port}`, ports.tlsPort && `TLS port ${ports.tlsPort}`].filter(Boolean).join(', ');
    console.log(`[startup] SMPP server listening on ${on}`);
    return server;
  } catch (err) {
    delete g[key];
    logError('[startup] SMPP server not started', err);
    return null;
  }
}
