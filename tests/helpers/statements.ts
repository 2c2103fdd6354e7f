// Logs every statement drizzle sends while `fn` runs: those of transactions (their sessions are built from
// the options' logger) apart from those outside one. BEGIN and COMMIT are the driver's, not counted.
import type { Db } from '@/db';

export interface Logged {
  inTx: string[];
  outside: string[];
}

export async function logStatements<T>(db: Db, fn: () => Promise<T>): Promise<{ result: T; log: Logged }> {
  const session = (db as unknown as { session: { options: { logger?: unknown }; logger: unknown } }).session;
  const log: Logged = { inTx: [], outside: [] };
  const before = { options: session.options.logger, own: session.logger };
  session.options.logger = { logQuery: (q: string) => log.inTx.push(q) };
  session.logger = { logQuery: (q: string) => log.outside.push(q) };
  try {
    return { result: await fn(), log };
  } finally {
    session.options.logger = before.options;
    session.logger = before.own;
  }
}
