// Child processes of the benchmark (servers, pgbench): each in its own process group, so that one kill stops
// it with everything it started; readiness polling, free ports, and CPU accounting from /proc.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ROOT } from './lib.mjs';
import { request } from './load.mjs';

export const children = new Set();

export function startChild(name, args, env, logDir) {
  const log = createWriteStream(path.join(logDir, `${name}.log`));
  const child = spawn(process.execPath, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  child.name = name;
  child.logFile = path.join(logDir, `${name}.log`);
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

export async function stopChildren() {
  const list = [...children];
  for (const c of list) {
    try {
      process.kill(-c.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + 5000;
  while ([...children].length && Date.now() < deadline) await sleep(100);
  for (const c of children) {
    try {
      process.kill(-c.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export async function waitReady(name, child, url, req, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited (${child.exitCode}) before it was ready; see ${child.logFile}:\n${tail(child.logFile)}`);
    try {
      const res = await request(url, req, 5000);
      if (res.status === 200) return;
      last = `${res.status} ${res.body.slice(0, 200)}`;
    } catch (err) {
      last = err.message;
    }
    await sleep(300);
  }
  throw new Error(`${name} not ready after ${timeoutMs / 1000} s (last: ${last}); see ${child.logFile}`);
}

/** CPU time (ms, user + system) of every process in a process group, from /proc. */
export function groupCpuMs(pgid) {
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  let total = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(f[2]) === pgid) total += (Number(f[11]) + Number(f[12])) * tick;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/** CPU time (ms, user + system) of every PostgreSQL process on this machine (its backends included), from /proc. */
export function postgresCpuMs() {
  const tick = 1000 / 100;
  let total = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).startsWith('postgres')) continue;
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(f[11]) + Number(f[12])) * tick;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

export const tail = (file) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-20).join('\n') : '');

/** Resident memory (MB) of every process in a process group, from /proc (VmRSS). */
export function groupRssMb(pgid) {
  let kb = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(f[2]) !== pgid) continue;
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch {
      // the process ended meanwhile
    }
  }
  return kb / 1024;
}

/** Samples a process group's resident memory every `ms` until stopped; `max` is the highest seen. */
export function rssSampler(pgid, ms = 250) {
  const s = { max: groupRssMb(pgid) };
  const timer = setInterval(() => {
    s.max = Math.max(s.max, groupRssMb(pgid));
  }, ms);
  timer.unref();
  s.stop = () => {
    clearInterval(timer);
    s.max = Math.max(s.max, groupRssMb(pgid));
    return s.max;
  };
  return s;
}
