// Runs once in the server process at start (instrumentation.ts): migrate, create the env admin,
// seed demo data on the embedded database's first start (or with SEED_DEMO=1), print the logins.
import { defaultPgliteDir, getDbHandle, installPoolRecovery } from '@/db';
import { parseTrustedProxies } from '@/lib/http/client-ip';
import { DEMO_LOGINS, ensureAdminFromEnv, hasDemoData, seedDemo } from '@/lib/services/seed';
import { startSmppFromEnv } from '@/lib/smpp/start';
import { startWorkers } from '@/lib/workers';

export async function startup(): Promise<void> {
  // A TRUSTED_PROXIES entry that is not an address or CIDR stops the start, not every request later.
  parseTrustedProxies(process.env.TRUSTED_PROXIES);
  const handle = await getDbHandle();
  const db = handle.db;
  console.log(
    `[startup] database: ${handle.kind === 'pglite' ? `embedded PGlite (${defaultPgliteDir()})` : 'PostgreSQL (DATABASE_URL)'}, migrations applied`,
  );
  if (await ensureAdminFromEnv(db, process.env.ADMIN_EMAIL, process.env.ADMIN_PASSWORD)) {
    console.log(`[startup] created admin ${process.env.ADMIN_EMAIL} from ADMIN_EMAIL / ADMIN_PASSWORD`);
  }
  const wantDemo = handle.kind === 'pglite' || process.env.SEED_DEMO === '1';
  if (wantDemo && !(await hasDemoData(db))) {
    await seedDemo(db);
    console.log('[startup] demo data created');
  }
  if (await hasDemoData(db)) {
    console.log('[startup] demo logins:');
    for (const l of DEMO_LOGINS) console.log(`  ${l.role.padEnd(8)} ${l.email.padEnd(22)} ${l.password}`);
  } else if (!process.env.ADMIN_EMAIL) {
    console.log('[startup] no demo data: set ADMIN_EMAIL and ADMIN_PASSWORD to create the first admin');
  }
  if (handle.kind === 'postgres') installPoolRecovery();
  if (process.env.DISABLE_WORKERS !== '1') startWorkers();
  await startSmppFromEnv(handle.kind === 'postgres' ? process.env.DATABASE_URL : undefined);
}
