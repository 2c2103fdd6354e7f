// GET /api/3rdparty/v1/health — no auth; 200 pass or 503 fail with the database check
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { thirdparty } from '@/lib/http/families';
import { health } from '@/lib/validation/responses/gateway-app';

export const GET = thirdparty({ summary: 'Health (no auth)', auth: 'none', response: health, errors: [503] }, async () => {
  const started = Date.now();
  try {
    await (await getDb()).execute(sql`select 1`);
    return {
      status: 'pass',
      version: '1.0.0',
      checks: { 'db:ping': { status: 'pass', observedValue: Date.now() - started, observedUnit: 'ms' } },
    };
  } catch (err) {
    return Response.json(
      { status: 'fail', version: '1.0.0', checks: { 'db:ping': { status: 'fail', description: (err as Error).message.slice(0, 100) } } },
      { status: 503 },
    );
  }
});
