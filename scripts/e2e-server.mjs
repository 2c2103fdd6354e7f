#!/usr/bin/env node
// The app as Playwright's webServer starts it: a fresh database for every run (a throwaway PGlite
// directory unless DATABASE_URL points at PostgreSQL), demo data seeded, served on E2E_PORT (3100).
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const port = process.env.E2E_PORT || process.env.PORT || '3100';
// Every spec signs in from the same loopback address: raise the per-IP sign-in limit for the run.
const env = { ...process.env, SEED_DEMO: '1', PORT: port, LOGIN_RATE_LIMIT: process.env.LOGIN_RATE_LIMIT ?? '1000' };

// The SMPP server on a free port unless SMPP_PORT says otherwise (2775 may be taken on a shared machine);
// specs read the port from the portal, as a user would.
if (!process.env.SMPP_PORT) {
  env.SMPP_PORT = String(
    await new Promise((resolve, reject) => {
      const s = createServer();
      s.once('error', reject);
      s.listen(0, '127.0.0.1', () => {
        const { port: free } = s.address();
        s.close(() => resolve(free));
      });
    }),
  );
}

if (!process.env.DATABASE_URL) {
  const dir = path.join(root, 'data', 'e2e-pglite');
  rmSync(dir, { recursive: true, force: true });
  env.PGLITE_DIR = dir;
  console.log(`[e2e] fresh embedded PGlite in ${path.relative(root, dir)}`);
} else {
  console.log('[e2e] using PostgreSQL from DATABASE_URL');
}

const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], { stdio: 'inherit', env, cwd: root });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
