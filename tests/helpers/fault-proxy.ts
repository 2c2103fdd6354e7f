// A TCP proxy in front of PostgreSQL that drops the connection at a chosen protocol point (before a
// statement reaches the server, or after the server committed but before the client heard), for the
// fault tests (./faults).
import { createServer, type Server, Socket } from 'node:net';

/** CommandComplete "COMMIT": the server has committed; the client learns it from this message. */
const COMMIT_COMPLETE = Buffer.concat([Buffer.from([0x43, 0, 0, 0, 11]), Buffer.from('COMMIT\0')]);

export type CutPoint = 'commit-ack' | 'client-sends' | 'after-commit';

export interface FaultProxy {
  /** The database URL through the proxy. */
  url: string;
  /**
   * Arms one cut. `afterClientSent`: the cut is armed once the client has sent bytes containing this text
   * (e.g. a statement of the transaction). `at`: 'commit-ack' drops the connection when the server's
   * COMMIT completion comes back (the commit happened, the client never hears of it); 'client-sends'
   * drops it instead of forwarding the client's bytes that contain `afterClientSent` (the statement never
   * reaches the server, the transaction is rolled back); 'after-commit' lets the COMMIT's answer through
   * and drops the connection as the client sends anything next. `downAfterCut`: refuse new connections after it.
   */
  arm: (cut: { at: CutPoint; afterClientSent: string; downAfterCut?: boolean }) => void;
  /** True once the armed cut happened. */
  fired: () => boolean;
  /** Refuse new connections (the database is unreachable) or accept them again. */
  setDown: (down: boolean) => void;
  /** How many connections were refused while down. */
  refused: () => number;
  close: () => Promise<void>;
}

export async function faultProxy(dbUrl: string): Promise<FaultProxy> {
  const upstream = new URL(dbUrl);
  const sockets = new Set<Socket>();
  let armed: { at: CutPoint; afterClientSent: string; downAfterCut?: boolean; seen: boolean; committed?: boolean } | null = null;
  let fired = false;
  let down = false;
  let refused = 0;
  const server: Server = createServer((client) => {
    if (down) {
      refused += 1;
      client.destroy();
      return;
    }
    const pg = new Socket();
    sockets.add(client);
    sockets.add(pg);
    const cut = () => {
      fired = true;
      // The database stays unreachable after the cut (until setDown(false)).
      if (armed?.downAfterCut) down = true;
      armed = null;
      client.destroy();
      pg.destroy();
    };
    pg.connect(Number(upstream.port || 5432), upstream.hostname);
    client.on('data', (chunk: Buffer) => {
      if (armed?.committed) return cut();
      if (armed && !armed.seen && chunk.includes(armed.afterClientSent)) {
        if (armed.at === 'client-sends') return cut();
        armed.seen = true;
      }
      pg.write(chunk);
    });
    let tail = Buffer.alloc(0);
    pg.on('data', (chunk: Buffer) => {
      // The message may straddle two chunks: look at the end of the previous one too.
      const window = Buffer.concat([tail, chunk]);
      tail = window.subarray(Math.max(0, window.length - COMMIT_COMPLETE.length));
      if (armed?.at === 'commit-ack' && armed.seen && window.includes(COMMIT_COMPLETE)) return cut();
      if (armed?.at === 'after-commit' && armed.seen && window.includes(COMMIT_COMPLETE)) armed.committed = true;
      client.write(chunk);
    });
    const end = () => {
      client.destroy();
      pg.destroy();
      sockets.delete(client);
      sockets.delete(pg);
    };
    client.on('close', end);
    pg.on('close', end);
    client.on('error', () => undefined);
    pg.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const url = new URL(dbUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    arm: (c) => {
      fired = false;
      armed = { ...c, seen: false };
    },
    fired: () => fired,
    refused: () => refused,
    setDown: (d) => {
      down = d;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// The frame of every fault suite.
