// GET /api/3rdparty/v1/health — no auth; 200 pass or 503 fail with the database check
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';

export async function GET() {
  const started = Date.now();
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return Response.json({
      status: 'pass',
      version: '1.0.0',
      checks: { 'db:ping': { status: 'pass', observedValue: Date.now() - started, observedUnit: 'ms' } },
    });
  } catch (err) {
    return Response.json(
      { status: 'fail', version: '1.0.0', checks: { 'db:ping': { status: 'fail', description: (err as Error).message.slice(0, 100) } } },
      { status: 503 },
    );
  }
}
