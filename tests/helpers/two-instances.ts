// Two app instances of the production build on one private PostgreSQL database, with an in-process SMTP
// server both mail through: the set-up of the multi-instance suites (horizontal*.test.ts). Each instance runs
// the background workers with short intervals, so jobs come due many times during a test.
import type { DbHandle } from '@/db';
import type { Actor } from '@/lib/auth/permissions';
import { makeAdmin } from './fixtures';
import { type Instance, startInstance } from './instances';
import { openPrivateDb } from './private-db';
import { startSmtp } from './smtp';

/** The message sweep's interval in the instances: short, so the job registry test sees many due runs. */
export const SWEEP_MS = 400;
/** The notification scan's and the mail delivery's intervals in the instances. */
export const SCAN_MS = 500;

export interface TwoInstances {
  h: DbHandle & { url?: string };
  admin: Actor;
  a: Instance;
  b: Instance;
  smtp: Awaited<ReturnType<typeof startSmtp>>;
}

export async function startTwoInstances(): Promise<TwoInstances> {
  // A database of its own: each instance runs the background workers, which act on every row.
  const h = await openPrivateDb({ max: 10 });
  const admin = await makeAdmin(h.db);
  const smtp = await startSmtp();
  const env = {
    SMTP_URL: smtp.url,
    MAIL_FROM: 'notices@platform.test',
    NOTIFICATION_SCAN_MS: String(SCAN_MS),
    MAIL_INTERVAL_MS: String(SCAN_MS),
    API_RATE_LIMIT: '1000000',
    LOGIN_RATE_LIMIT: '1000000',
    SWEEP_INTERVAL_MS: String(SWEEP_MS),
    CAMPAIGN_INTERVAL_MS: '300',
  };
  const [a, b] = await Promise.all([startInstance(h.url!, env), startInstance(h.url!, env)]);
  return { h, admin, a, b, smtp };
}

export async function stopTwoInstances(t: Partial<TwoInstances> | undefined): Promise<void> {
  await Promise.all([t?.a?.stop(), t?.b?.stop()]);
  await t?.smtp?.stop();
  await t?.h?.close();
}
