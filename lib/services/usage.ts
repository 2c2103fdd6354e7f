import 'server-only';
import type { Db } from '@/db';

export interface UsageCount {
  today: number;
  period: number;
}

/**
 * SMS counted against each client's daily and period limits. Nothing can be sent before the gateway
 * (messages table, send API) exists, so every count is zero; the gateway replaces this with its counters.
 */
export async function usageCounts(_db: Db, clientIds: number[], _now: Date): Promise<Map<number, UsageCount>> {
  return new Map(clientIds.map((id) => [id, { today: 0, period: 0 }]));
}
