// Delivery receipts and inbound SMS over SMPP (issue 17): when the phone reports sent / delivered / failed
// (or a message expires), the parts that asked get a deliver_sm with esm_class 0x04, the standard text and
// the receipted_message_id / message_state options; inbound SMS reach a bound receiver; both wait in the
// outbox while no receiver is bound, and reach a receiver bound to another server on the same database.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DbHandle } from '@/db';
import { smppOutbox } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { recordInbound } from '@/lib/services/inbound';
import { sweepMessages } from '@/lib/services/sweeps';
import type { SmppServer } from '@/lib/smpp/server';
import { openTestDb } from './helpers/db';
import { makeAdmin } from './helpers/fixtures';
import { expectThrottledBurst, smppClient, smppClientOn, startTestSmpp, testPhone } from './helpers/smpp';
import { concatUdh, ESME, gsm7, receiptFields, TestEsme, ucs2 } from './helpers/smpp-client';

let h: DbHandle;
let admin: Actor;
let a: SmppServer & { port: number };
let b: SmppServer & { port: number };
const open: TestEsme[] = [];
const esme = async (server = a) => {
  const e = await TestEsme.open(server.port);
  open.push(e);
  return e;
};

beforeAll(async () => {
  h = await openTestDb();
  admin = await makeAdmin(h.db);
  // Two servers on one database: "instances" that share nothing but PostgreSQL.
  a = await startTestSmpp(h.db);
  b = await startTestSmpp(h.db);
});
afterAll(async () => {
  for (const e of open) e.destroy();
  await Promise.all([a?.stop(), b?.stop()]);
  await h?.close();
});

const outboxOf = (clientId: number) => h.db.select().from(smppOutbox).where(eq(smppOutbox.clientId, clientId));

describe('delivery receipts', () => {
  test('registered_delivery 1: one DELIVRD receipt naming the submit id, with the TLVs; addresses swapped', async () => {
    const c = await smppClient(h.db, admin, { pkg: 'starter_pro' });
    const phone = await testPhone(h.db, c.actor);
    const e = await esme();
    await e.bind(c.systemId, c.password);
    const r = await e.submit({
      dest: '959420000931',
      source: '12345',
      sourceTon: 2,
      message: gsm7('Your OTP is 4321'),
      registeredDelivery: 1,
    });
    await phone.send('Delivered');
    const [d] = await e.waitDelivers(1);
    expect(d).toMatchObject({ esm: 0x04, dataCoding: 0, source: '959420000931', sourceTon: 1, dest: '12345', destTon: 2 });
    const f = receiptFields(d.text);
    expect(f).toMatchObject({ id: r.id, sub: '001', dlvrd: '001', stat: 'DELIVRD', err: '000', text: 'Your' });
    expect(d.text).toMatch(/submit date:\d{10} done date:\d{10} stat:DELIVRD err:000 text:Your OTP is 4321$/);
    expect(d.tlvs.get(0x001e)?.toString('latin1')).toBe(`${r.id}\0`);
    expect(d.tlvs.get(0x0427)?.[0]).toBe(2);
    await new Promise((res) => setTimeout(res, 300));
    expect(e.delivers).toHaveLength(1); // "sent" asked nothing (no intermediate bit)
    await expect.poll(async () => (await outboxOf(c.id)).length).toBe(0);
  });

  test('registered_delivery 0x11 gets ENROUTE on sent and DELIVRD; a failure gets UNDELIV; registered_delivery 0 gets nothing', async () => {
    const c = await smppClient(h.db, admin, { pkg: 'starter_pro' });
    const phone = await testPhone(h.db, c.actor);
    const e = await esme();
    await e.bind(c.systemId, c.password);
    const both = await e.submit({ dest: '959420000932', message: ucs2('မင်္ဂလာပါ'), dataCoding: 8, registeredDelivery: 0x11 });
    await phone.send('Delivered');
    const ds = await e.waitDelivers(2);
    expect(ds.map((d) => [receiptFields(d.text).id, receiptFields(d.text).stat, d.tlvs.get(0x0427)?.[0]])).toEqual([
      [both.id, 'ENROUTE', 1],
      [both.id, 'DELIVRD', 2],
    ]);
    const failing = await e.submit({ dest: '959420000933', message: gsm7('x'), registeredDelivery: 2 });
    await e.submit({ dest: '959420000934', message: gsm7('y'), registeredDelivery: 0 });
    await phone.send('Failed');
    const [, , fail] = await e.waitDelivers(3);
    expect(receiptFields(fail.text)).toMatchObject({ id: failing.id, stat: 'UNDELIV', dlvrd: '000' });
    await new Promise((res) => setTimeout(res, 300));
    expect(e.delivers).toHaveLength(3);
  });

  test('a 3-part message with a receipt asked on the first part only (Kannel): one receipt, for the first part id', async () => {
    const c = await smppClient(h.db, admin, { pkg: 'starter_pro' });
    const phone = await testPhone(h.db, c.actor);
    const e = await esme();
    await e.bind(c.systemId, c.password);
    const ids = [];
    for (const seq of [1, 2, 3]) {
      const r = await e.submit({
        dest: '959420000935',
        esm: 0x43,
        registeredDelivery: seq === 1 ? 0x11 : 0,
        message: Buffer.concat([concatUdh(3, 3, seq), gsm7('x'.repeat(150))]),
      });
      ids.push(r.id);
    }
    await phone.send('Delivered');
    const ds = await e.waitDelivers(2);
    expect(ds.map((d) => receiptFields(d.text).id)).toEqual([ids[0], ids[0]]);
    expect(ds.map((d) => receiptFields(d.text).stat)).toEqual(['ENROUTE', 'DELIVRD']);
  });

  test('no receiver bound: the receipt waits in the outbox (a transmitter gets nothing); a receiver bound later, on the other server, gets it', async () => {
    const c = await smppClient(h.db, admin, { pkg: 'starter_pro' });
    const phone = await testPhone(h.db, c.actor);
    const tx = await esme(a);
    await tx.bind(c.systemId, c.password, 'transmitter');
    const r = await tx.submit({ dest: '959420000936', message: gsm7('later'), registeredDelivery: 1 });
    await phone.send('Delivered');
    await new Promise((res) => setTimeout(res, 500));
    expect(await outboxOf(c.id)).toHaveLength(1);
    expect(tx.delivers).toHaveLength(0);
    const rx = await esme(b);
    await rx.bind(c.systemId, c.password, 'receiver');
    const [d] = await rx.waitDelivers(1);
    expect(receiptFields(d.text)).toMatchObject({ id: r.id, stat: 'DELIVRD' });
    await expect.poll(async () => (await outboxOf(c.id)).length).toBe(0);
  });

  test('an ESME that answers deliver_sm with an error gets it again later; ESME_RX_P_APPN drops it', async () => {
    const c = await smppClient(h.db, admin, { pkg: 'starter_pro' });
    const phone = await testPhone(h.db, c.actor);
    const e = await esme();
    await e.bind(c.systemId, c.password);
    e.deliverStatus = 0x64; // ESME_RX_T_APPN: try later
    await e.submit({ dest: '959420000937', message: gsm7('retry'), registeredDelivery: 1 });
    await phone.send('Delivered');
    await e.waitDelivers(1);
    await expect.poll(async () => (await outboxOf(c.id))[0]?.attempts).toBe(1);
    const [row] = await outboxOf(c.id);
    expect(row.availableAt.getTime()).toBeGreaterThan(Date.now());
    await h.db.update(smppOutbox).set({ availableAt: new Date() }).where(eq(smppOutbox.id, row.id));
    e.deliverStatus = 0x65; // ESME_RX_P_APPN: never
    await e.waitDelivers(2);
    await expect.poll(async () => (await outboxOf(c.id)).length).toBe(0);
  });

  test('a message that expires before any phone takes it: EXPIRED receipt', async () => {
    const c = await smppClient(h.db, admin, { pkg: 'starter_pro' });
    const e = await esme();
    await e.bind(c.systemId, c.password);
    const r = await e.submit({ dest: '959420000938', message: gsm7('too late'), registeredDelivery: 1, validity: '000000000100000R' });
    expect(r.status).toBe(ESME.ROK);
    await sweepMessages(h.db, new Date(Date.now() + 120_000));
    const [d] = await e.waitDelivers(1);
    expect(receiptFields(d.text)).toMatchObject({ id: r.id, stat: 'EXPIRED' });
    expect(d.tlvs.get(0x0427)?.[0]).toBe(3);
  });
});

describe('limits across instances', () => {
  test('the maximum of 2 binds counts binds on both servers; the throughput (5/s) counts submits on both', async () => {
    const c = await smppClientOn(h.db, admin, { smpp_throughput: 5 });
    const [x, y, z, w] = [await esme(a), await esme(b), await esme(a), await esme(b)];
    expect((await x.bind(c.systemId, c.password)).status).toBe(ESME.ROK);
    expect((await y.bind(c.systemId, c.password)).status).toBe(ESME.ROK);
    expect((await z.bind(c.systemId, c.password)).status).toBe(ESME.RBINDFAIL);
    expect((await w.bind(c.systemId, c.password)).status).toBe(ESME.RBINDFAIL);
    await new Promise((res) => setTimeout(res, 1000 - (Date.now() % 1000) + 20));
    const rs = await Promise.all(
      Array.from({ length: 16 }, (_, i) => (i % 2 ? x : y).submit({ dest: `9594200040${10 + i}`, message: gsm7('t') })),
    );
    await expectThrottledBurst(
      h.db,
      c.id,
      rs.map((r) => r.status),
      5,
    );
  });
});

describe('inbound SMS (MO)', () => {
  test('an SMS the phone received reaches the bound receiver as deliver_sm esm_class 0 (Burmese as UCS-2, long ones in message_payload)', async () => {
    const c = await smppClient(h.db, admin, { pkg: 'starter_pro' });
    const phone = await testPhone(h.db, c.actor);
    const e = await esme(b);
    await e.bind(c.systemId, c.password, 'receiver');
    await recordInbound(h.db, phone.device.id, { phone: '+959420000940', text: 'STOP' });
    await recordInbound(h.db, phone.device.id, { phone: '+959420000941', text: 'ကျေးဇူးတင်ပါတယ်' });
    const long = 'L'.repeat(300);
    await recordInbound(h.db, phone.device.id, { phone: '+959420000942', text: long });
    const ds = await e.waitDelivers(3);
    expect(ds.map((d) => [d.esm, d.dataCoding, d.source, d.sourceTon, d.text])).toEqual([
      [0, 0, '959420000940', 1, 'STOP'],
      [0, 8, '959420000941', 1, 'ကျေးဇူးတင်ပါတယ်'],
      [0, 0, '959420000942', 1, long],
    ]);
    expect(ds[2].shortMessage).toHaveLength(0);
  });

  test('a client without SMPP credentials queues nothing for SMPP', async () => {
    const c = await smppClient(h.db, admin);
    const other = await testPhone(h.db, (await smppClient(h.db, admin)).actor);
    await recordInbound(h.db, other.device.id, { phone: '+959420000943', text: 'hello' });
    expect(await outboxOf(c.id)).toHaveLength(0);
  });
});
