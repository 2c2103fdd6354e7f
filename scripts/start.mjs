#!/usr/bin/env node
// npm start: make sure AUTH_SECRET exists (generated into .env.local once), build when the sources
// changed since the last build, then serve on PORT (default 3000) with scripts/serve.mjs (Next's handler
// behind our own node:http server; see that file for why).
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serverNodeFlags } from './server-flags.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);

function loadEnvLocal() {
  const file = path.join(root, '.env.local');
  if (!existsSync(file)) return;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line);
    if (m && process.env[m[1]] === undefined) process.env[m[1]] = m[2].replace(/^["']|["']$/g, '');
  }
}

function ensureAuthSecret() {
  if (process.env.AUTH_SECRET) return;
  const secret = randomBytes(32).toString('base64url');
  appendFileSync(path.join(root, '.env.local'), `AUTH_SECRET=${secret}\n`);
  process.env.AUTH_SECRET = secret;
  console.log('[start] generated AUTH_SECRET into .env.local (git-ignored)');
}

const SOURCES = [
  'app',
  'components',
  'lib',
  'db',
  'messages',
  'public',
  'instrumentation.ts',
  'proxy.ts',
  'next.config.ts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'postcss.config.mjs',
];

function sourceHash() {
  const h = createHash('sha256');
  const walk = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) walk(path.join(p, name));
    } else {
      h.update(p);
      h.update(readFileSync(p));
    }
  };
  for (const s of SOURCES) walk(s);
  return h.digest('hex');
}

// One build at a time in this checkout (npm start, the e2e server and the multi-instance tests may start
// together): a lock directory holding the builder's pid; a lock whose process is gone is taken over.
function withBuildLock(fn) {
  const lock = path.join(root, '.next-build.lock');
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      let alive = false;
      try {
        process.kill(Number(readFileSync(path.join(lock, 'pid'), 'utf8')), 0);
        alive = true;
      } catch {
        /* no pid yet, or its process is gone */
      }
      if (!alive && Date.now() - statSync(lock).mtimeMs > 2_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('waited 15 minutes for another build to finish');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function ensureBuild() {
  withBuildLock(buildIfChanged);
}

function buildIfChanged() {
  const stamp = path.join(root, '.next', 'SOURCE_HASH');
  const hash = sourceHash();
  if (existsSync(path.join(root, '.next', 'BUILD_ID')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  console.log('[start] building (sources changed since the last build)…');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (r.status !== 0) {
    rmSync(path.join(root, '.next-build.lock'), { recursive: true, force: true });
    process.exit(r.status ?? 1);
  }
  writeFileSync(stamp, hash);
}

loadEnvLocal();
ensureAuthSecret();
if (process.argv.includes('--build-only')) {
  ensureBuild();
  process.exit(0);
}
ensureBuild();

const port = process.env.PORT || '3000';
const child = spawn(process.execPath, [...serverNodeFlags(), path.join(root, 'scripts', 'serve.mjs'), '-p', port], {
  stdio: 'inherit',
  env: { ...process.env, AUTH_TRUST_HOST: 'true', NEXT_TELEMETRY_DISABLED: '1' },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
