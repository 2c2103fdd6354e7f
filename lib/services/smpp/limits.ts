import 'server-only';
import type { Db } from '@/db';
import { currentSubscriptions } from '../subscriptions';

/** Without a subscription (trial): the package defaults. */
export const DEFAULT_SMPP_THROUGHPUT = 10;
export const DEFAULT_SMPP_MAX_BINDS = 2;

export interface SmppLimits {
  /** submit_sm per second, across every bind and instance. */
  throughput: number;
  /** Simultaneous binds, across instances. */
  maxBinds: number;
}

/** The client's SMPP limits: its current subscription's snapshot of the package, else the defaults. */
export async function smppLimits(db: Db, clientId: number, now = new Date()): Promise<SmppLimits> {
  const sub = (await currentSubscriptions(db, [clientId], now)).get(clientId);
  return {
    throughput: sub?.smppThroughput ?? DEFAULT_SMPP_THROUGHPUT,
    maxBinds: sub?.smppMaxBinds ?? DEFAULT_SMPP_MAX_BINDS,
  };
}
