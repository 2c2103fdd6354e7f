import 'server-only';
// The 3rd-party API's health answers (the app server's HealthResponse): /health and the probes
// /health/live (the process answers), /health/ready and /health/startup (the database answers too).
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';

const VERSION = process.env.APP_VERSION || '1.0.0';
/** An integer build number, as the app server reports it (`RELEASE_ID`, default 1). */
const RELEASE_ID = Number.parseInt(process.env.RELEASE_ID ?? '', 10) || 1;

export async function healthAnswer(probe: 'full' | 'live' | 'ready' | 'startup'): Promise<Response> {
  if (probe === 'live') return Response.json({ status: 'pass', version: VERSION, releaseId: RELEASE_ID, checks: {} });
  const started = Date.now();
  try {
    await (await getDb()).execute(sql`select 1`);
    return Response.json({
      status: 'pass',
      version: VERSION,
      releaseId: RELEASE_ID,
      checks: { 'db:ping': { status: 'pass', observedValue: Date.now() - started, observedUnit: 'ms' } },
    });
  } catch (err) {
    return Response.json(
      {
        status: 'fail',
        version: VERSION,
        releaseId: RELEASE_ID,
        checks: { 'db:ping': { status: 'fail', observedValue: 0, description: (err as Error).message.slice(0, 100) } },
      },
      { status: 503 },
    );
  }
}
