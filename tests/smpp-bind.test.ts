// SMPP sessions (issue 17): binds in the three modes with the portal's credentials, wrong passwords, IP ranges,
// the maximum binds per client, unbind, enquire_link both ways, timers that close dead or never-bound
// connections, and binds closed by a password reset or a suspension. Against an in-process server.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type DbHandle, setDbHandle } from '@/db';
import { smppBinds } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { listBinds } from '@/lib/services/smpp/binds';
import { issueSmppCredentials, updateSmppAccount } from '@/lib/services/smpp/credentials';
import type { SmppServer } from '@/lib/smpp/server';
import { startSmppFromEnv } from '@/lib/smpp/start';
import { openTestDb } from './helpers/db';
import { makeAdmin, suspendUser } from './helpers/fixtures';
import { ENDPOINT, smppClient, startTestSmpp } from './helpers/smpp';
import { CMD, ESME, pdu, TestEsme } from './helpers/smpp-client';

let h: DbHandle;
let admin: Actor;
let server: SmppServer & { port: number };
const open: TestEsme[] = [];
const esme = async () => {
  const e = await TestEsme.open(server.port);
  open.push(e);
  return e;
};

beforeAll(async () => {
  h = await openTestDb();
  admin = await makeAdmin(h.db);
  server = await startTestSmpp(h.db);
});
afterAll(async () => {
  for (const e of open) e.destroy();
  await server?.stop();
  await h?.close();
});

const bindsOf = async (clientId: number) =>
  (await h.db.select({ n: count() }).from(smppBinds).where(eq(smppBinds.clientId, clientId)))[0].n;

describe('bind', () => {
  test.each(['transmitter', 'receiver', 'transceiver'] as const)(
    'bind_%s with the issued credentials → ESME_ROK and our system_id',
    async (mode) => {
      const c = await smppClient(h.db, admin);
      const e = await esme();
      const r = await e.bind(c.systemId, c.password, mode);
      expect(r.status).toBe(ESME.ROK);
      expect(r.commandId).toBe(
        ({ transmitter: CMD.bind_transmitter, receiver: CMD.bind_receiver, transceiver: CMD.bind_transceiver }[mode] | 0x80000000) >>> 0,
      );
      expect(r.body.toString('latin1', 0, r.body.indexOf(0))).toBe('SMSGATEWAY');
      const binds = await listBinds(h.db, c.actor);
      expect(binds).toMatchObject([{ mode, ip: '127.0.0.1', submitted: 0 }]);
      await e.unbind();
    },
  );

  test('system_id is case-insensitive; a wrong password, an unknown system_id and an empty one → ESME_RINVPASWD', async () => {
    const c = await smppClient(h.db, admin);
    const e = await esme();
    expect((await e.bind(c.systemId, 'wrong')).status).toBe(ESME.RINVPASWD);
    expect((await e.bind('NOSUCHID', c.password)).status).toBe(ESME.RINVPASWD);
    // Three failures close the connection.
    expect((await e.bind('', '')).status).toBe(ESME.RINVPASWD);
    expect(await e.waitClosed()).toBe(true);
    const ok = await esme();
    expect((await ok.bind(c.systemId.toLowerCase(), c.password)).status).toBe(ESME.ROK);
    await ok.unbind();
  });

  test('a second bind on a bound connection → ESME_RALYBND; submit before bind → ESME_RINVBNDSTS; a receiver cannot submit', async () => {
    const c = await smppClient(h.db, admin);
    const e = await esme();
    expect((await e.submit({ dest: '959420000901' })).status).toBe(ESME.RINVBNDSTS);
    expect((await e.bind(c.systemId, c.password, 'receiver')).status).toBe(ESME.ROK);
    expect((await e.bind(c.systemId, c.password)).status).toBe(ESME.RALYBND);
    expect((await e.submit({ dest: '959420000901' })).status).toBe(ESME.RINVBNDSTS);
    await e.unbind();
  });

  test('the package maximum of 2 binds holds: a third is refused with ESME_RBINDFAIL until one unbinds', async () => {
    const c = await smppClient(h.db, admin);
    const [a, b, x] = await Promise.all([esme(), esme(), esme()]);
    const rs = await Promise.all([a, b, x].map((e) => e.bind(c.systemId, c.password)));
    expect(rs.map((r) => r.status).sort()).toEqual([ESME.ROK, ESME.ROK, ESME.RBINDFAIL]);
    expect(await bindsOf(c.id)).toBe(2);
    const bound = [a, b, x].filter((_, i) => rs[i].status === ESME.ROK);
    await bound[0].unbind();
    await expect.poll(() => bindsOf(c.id)).toBe(1);
    const again = await esme();
    expect((await again.bind(c.systemId, c.password)).status).toBe(ESME.ROK);
    await Promise.all([bound[1].unbind(), again.unbind(), x.unbind()]);
  });

  test('IP ranges: a bind from outside is refused (ESME_RBINDFAIL); narrowing the list closes a bind from outside it', async () => {
    const c = await smppClient(h.db, admin);
    await updateSmppAccount(h.db, c.actor, { allowed_ips: ['203.0.113.0/24'] }, ENDPOINT);
    const e = await esme();
    expect((await e.bind(c.systemId, c.password)).status).toBe(ESME.RBINDFAIL);
    await updateSmppAccount(h.db, c.actor, { allowed_ips: ['203.0.113.0/24', '127.0.0.0/8'] }, ENDPOINT);
    expect((await e.bind(c.systemId, c.password)).status).toBe(ESME.ROK);
    await updateSmppAccount(h.db, c.actor, { allowed_ips: ['203.0.113.0/24'] }, ENDPOINT);
    // The heartbeat notices, sends unbind (the test ESME answers it) and closes.
    expect(await e.waitClosed()).toBe(true);
    await expect.poll(() => bindsOf(c.id)).toBe(0);
  });

  test('new credentials: the old password stops working and binds made with it are closed', async () => {
    const c = await smppClient(h.db, admin);
    const e = await esme();
    expect((await e.bind(c.systemId, c.password)).status).toBe(ESME.ROK);
    const fresh = await issueSmppCredentials(h.db, c.actor, ENDPOINT);
    expect(fresh.system_id).toBe(c.systemId);
    expect(fresh.password).not.toBe(c.password);
    expect(await e.waitClosed()).toBe(true);
    const old = await esme();
    expect((await old.bind(c.systemId, c.password)).status).toBe(ESME.RINVPASWD);
    expect((await old.bind(c.systemId, fresh.password)).status).toBe(ESME.ROK);
    await old.unbind();
  });

  test('a suspended client cannot bind, and its open binds are closed', async () => {
    const c = await smppClient(h.db, admin);
    const e = await esme();
    expect((await e.bind(c.systemId, c.password)).status).toBe(ESME.ROK);
    await suspendUser(h.db, c.id);
    expect(await e.waitClosed()).toBe(true);
    const again = await esme();
    expect((await again.bind(c.systemId, c.password)).status).toBe(ESME.RBINDFAIL);
  });
});

describe('session', () => {
  test('enquire_link is answered before and after bind; unbind is answered and closes the connection', async () => {
    const c = await smppClient(h.db, admin);
    const e = await esme();
    expect((await e.request(CMD.enquire_link)).commandId).toBe(CMD.enquire_link_resp);
    await e.bind(c.systemId, c.password);
    expect((await e.request(CMD.enquire_link)).status).toBe(ESME.ROK);
    const r = await e.request(CMD.unbind);
    expect([r.commandId, r.status]).toEqual([CMD.unbind_resp, ESME.ROK]);
    expect(await e.waitClosed()).toBe(true);
    await expect.poll(() => bindsOf(c.id)).toBe(0);
  });

  test('a silent bound ESME gets enquire_link from us; one that never answers is closed', async () => {
    const c = await smppClient(h.db, admin);
    const e = await esme();
    await e.bind(c.systemId, c.password);
    // The test ESME answers enquire_link: after the 2 s interval the server has asked at least once.
    await expect.poll(() => e.received.filter((p) => p.commandId === CMD.enquire_link).length, { timeout: 5_000 }).toBeGreaterThan(0);
    expect(e.closed).toBe(false);
    const mute = await esme();
    await mute.bind(c.systemId, c.password);
    mute.socket.removeAllListeners('data'); // reads nothing, answers nothing
    expect(await mute.waitClosed(8_000)).toBe(true);
    await e.unbind();
  });

  test('a connection that never binds is closed after the bind timeout', async () => {
    const e = await esme();
    expect(await e.waitClosed(6_000)).toBe(true);
  });

  test('an unknown command → generic_nack ESME_RINVCMDID; query_sm (not offered) likewise; the session stays usable', async () => {
    const c = await smppClient(h.db, admin);
    const e = await esme();
    await e.bind(c.systemId, c.password);
    const r = await e.request(0x000000ff);
    expect([r.commandId, r.status]).toEqual([CMD.generic_nack, ESME.RINVCMDID]);
    const q = await e.request(0x00000003, Buffer.from('abc\0\0\0\0'));
    expect([q.commandId, q.status]).toEqual([CMD.generic_nack, ESME.RINVCMDID]);
    expect((await e.request(CMD.enquire_link)).status).toBe(ESME.ROK);
    e.write(pdu(CMD.unbind, 99));
    expect(await e.waitClosed()).toBe(true);
  });

  test('TLS: with a certificate the server listens with TLS, and a bind over it works and is listed as TLS', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'smpp-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-subj',
        '/CN=localhost',
        '-days',
        '1',
        '-keyout',
        `${dir}/key.pem`,
        '-out',
        `${dir}/cert.pem`,
      ],
      { stdio: 'ignore' },
    );
    const tls = await startTestSmpp(h.db, {
      port: null,
      tlsPort: 0,
      tls: { cert: readFileSync(`${dir}/cert.pem`), key: readFileSync(`${dir}/key.pem`) },
    });
    rmSync(dir, { recursive: true, force: true });
    expect(tls.ports.port).toBeNull();
    const c = await smppClient(h.db, admin);
    const e = await TestEsme.openTls(tls.ports.tlsPort as number);
    open.push(e);
    expect((await e.bind(c.systemId, c.password)).status).toBe(ESME.ROK);
    expect(await listBinds(h.db, c.actor)).toMatchObject([{ tls: true }]);
    // A plain client on the TLS port gets no SMPP answer and is dropped; the server stays up.
    const plain = await TestEsme.open(tls.ports.tlsPort as number);
    plain.write(pdu(CMD.enquire_link, 1));
    expect(await plain.waitClosed()).toBe(true);
    expect((await e.request(CMD.enquire_link)).status).toBe(ESME.ROK);
    await e.unbind();
    await tls.stop();
  });

  test('started from the environment: a taken SMPP_PORT is logged and leaves the app running; SMPP_PORT=0 is off', async () => {
    setDbHandle(h);
    const before = process.env.SMPP_PORT;
    try {
      process.env.SMPP_PORT = String(server.port); // taken by the test server
      expect(await startSmppFromEnv(undefined)).toBeNull();
      process.env.SMPP_PORT = '0';
      expect(await startSmppFromEnv(undefined)).toBeNull();
    } finally {
      if (before === undefined) delete process.env.SMPP_PORT;
      else process.env.SMPP_PORT = before;
    }
  });

  test('server shutdown unbinds its sessions', async () => {
    const own = await startTestSmpp(h.db);
    const c = await smppClient(h.db, admin);
    const e = await TestEsme.open(own.port);
    await e.bind(c.systemId, c.password);
    await own.stop();
    expect(e.received.some((p) => p.commandId === CMD.unbind)).toBe(true);
    expect(await e.waitClosed()).toBe(true);
  });
});
