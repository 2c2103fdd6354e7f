// Run by seed.mjs under tsx with `server-only` stubbed (scripts/bench/server-only-hook.mjs):
//   node --import ./scripts/bench/server-only-hook.mjs --import tsx scripts/bench/app-setup.mjs <database-url> <password>
// Applies the app's own migrations and demo seed to the bench database, and prints (last line, JSON) the
// app's argon2 hash of the bench password, computed once and reused for every generated user.
import { migrateDatabase, openDatabase } from '../../db/index.ts';
import { hashPassword } from '../../lib/auth/password.ts';
import { seedDemo } from '../../lib/services/seed.ts';

const [url, password] = process.argv.slice(2);
if (!url || !password) throw new Error('usage: app-setup.mjs <database-url> <password>');
const handle = await openDatabase({ url, max: 2 });
try {
  await migrateDatabase(handle);
  await seedDemo(handle.db);
  const hash = await hashPassword(password);
  console.log(JSON.stringify({ hash }));
} finally {
  await handle.close();
}
