// Debian's Kannel (bearerbox + smsbox) as an SMPP client of our server, for tests: one config file in a
// temporary directory (shared/reference/kannel-smpp.md), free loopback ports, a small HTTP receiver for its
// delivery-report and inbound-SMS callbacks, and stop() that ends exactly the processes it started.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './instances';

export const BEARERBOX = '/usr/sbin/bearerbox';
export const SMSBOX = '/usr/sbin/smsbox';
export const kannelInstalled = () => existsSync(BEARERBOX) && existsSync(SMSBOX);

export interface Callback {
  path: string;
  query: Record<string, string>;
}

export interface Kannel {
  /** GET /cgi-bin/sendsms with these parameters (username/password added): status and body. */
  sendsms(params: Record<string, string>): Promise<{ status: number; body: string }>;
  /** The admin status page (shows the SMSC connection and whether it is online). */
  status(): Promise<string>;
  /** Calls Kannel made to our receiver (dlr-url and the sms-service get-url). */
  callbacks: Callback[];
  /** The URL Kannel calls for a DLR of this message: type, foreign id (our message id) and a tag. */
  dlrUrl(tag: string): string;
  log(): string;
  stop(): Promise<void>;
}

export async function startKannel(opts: { smppPort: number; systemId: string; password: string }): Promise<Kannel> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kannel-'));
  const [adminPort, boxPort, sendPort] = [await freePort(), await freePort(), await freePort()];
  const callbacks: Callback[] = [];
  const receiver: Server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    callbacks.push({ path: u.pathname, query: Object.fromEntries(u.searchParams) });
    res.end('ok');
  });
  const hookPort = await new Promise<number>((resolve) =>
    receiver.listen(0, '127.0.0.1', () => resolve((receiver.address() as { port: number }).port)),
  );
  const conf = path.join(dir, 'kannel.conf');
  writeFileSync(
    conf,
    `group = core
admin-port = ${adminPort}
admin-password = secret
smsbox-port = ${boxPort}
box-allow-ip = 127.0.0.1
admin-allow-ip = 127.0.0.1
log-file = "${dir}/bearerbox.log"
log-level = 0
dlr-storage = internal

group = smsc
smsc = smpp
smsc-id = ours
host = 127.0.0.1
port = ${opts.smppPort}
transceiver-mode = true
smsc-username = "${opts.systemId}"
smsc-password = "${opts.password}"
system-type = ""
enquire-link-interval = 10
reconnect-delay = 2

group = smsbox
bearerbox-host = 127.0.0.1
bearerbox-port = ${boxPort}
sendsms-port = ${sendPort}
log-file = "${dir}/smsbox.log"
log-level = 0
mo-recode = true

group = sendsms-user
username = test
password = test
max-messages = 10
default-sender = 12345
concatenation = true

group = sms-service
keyword = default
catch-all = true
max-messages = 0
get-url = "http://127.0.0.1:${hookPort}/mo?from=%p&to=%P&text=%a&coding=%c"
`,
  );
  const procs: ChildProcess[] = [];
  let out = '';
  const run = (bin: string) => {
    const p = spawn(bin, [conf], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    p.stdout?.on('data', (d) => {
      out += String(d);
    });
    p.stderr?.on('data', (d) => {
      out += String(d);
    });
    procs.push(p);
    return p;
  };
  run(BEARERBOX);
  // smsbox connects to bearerbox's box port; give bearerbox a moment to open it.
  await waitFor(async () => (await get(`http://127.0.0.1:${adminPort}/status.txt?password=secret`)).status === 200, 20_000);
  run(SMSBOX);
  const kannel: Kannel = {
    callbacks,
    async sendsms(params) {
      const q = new URLSearchParams({ username: 'test', password: 'test', ...params });
      return get(`http://127.0.0.1:${sendPort}/cgi-bin/sendsms?${q}`);
    },
    async status() {
      return (await get(`http://127.0.0.1:${adminPort}/status.txt?password=secret`)).body;
    },
    dlrUrl: (tag) => `http://127.0.0.1:${hookPort}/dlr?tag=${tag}&type=%d&id=%F&to=%P`,
    log: () => {
      const read = (f: string) => (existsSync(path.join(dir, f)) ? readFileSync(path.join(dir, f), 'utf8') : '');
      return `${out}\n--- bearerbox.log\n${read('bearerbox.log')}\n--- smsbox.log\n${read('smsbox.log')}`;
    },
    async stop() {
      for (const p of procs.reverse()) {
        if (p.exitCode !== null || p.signalCode !== null) continue;
        const exited = new Promise<void>((r) => p.once('exit', () => r()));
        p.kill('SIGTERM');
        const t = setTimeout(() => p.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(t);
      }
      await new Promise<void>((r) => receiver.close(() => r()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
  // smsbox's sendsms port answers once smsbox is up.
  await waitFor(async () => (await get(`http://127.0.0.1:${sendPort}/cgi-bin/sendsms`)).status > 0, 20_000).catch(async (err) => {
    await kannel.stop();
    throw err;
  });
  return kannel;
}

async function get(url: string): Promise<{ status: number; body: string }> {
  try {
    const res = await fetch(url);
    return { status: res.status, body: await res.text() };
  } catch {
    return { status: 0, body: '' };
  }
}

export async function waitFor(check: () => Promise<boolean>, ms: number, every = 250): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, every));
  }
}
