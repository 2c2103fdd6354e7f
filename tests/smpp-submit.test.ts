// submit_sm (issue 17): GSM-7, Latin-1 and UCS-2 (Burmese) text; long messages by UDH, SAR options and
// message_payload reassembled into one message (each part answered with its own id); destination TON/NPI;
// the same quota as the API (ESME_RMSGQFUL), the package throughput (ESME_RTHROTTLED), bad numbers
// (ESME_RINVDSTADR), and a re-sent sequence after a reconnect answered with the first id, never sent twice.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DbHandle } from '@/db';
import { messages, smppParts } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { queueMessages } from '@/lib/services/messages';
import type { SmppServer } from '@/lib/smpp/server';
import { openTestDb } from './helpers/db';
import { makeAdmin } from './helpers/fixtures';
import { clientMessages, messageRow, recipientsOf } from './helpers/gateway';
import { expectThrottledBurst, smppClient, smppClientOn, startTestSmpp } from './helpers/smpp';
import { concatUdh, ESME, gsm7, TestEsme, tlv, u8, u16, ucs2 } from './helpers/smpp-client';

let h: DbHandle;
let admin: Actor;
let server: SmppServer & { port: number };
const open: TestEsme[] = [];

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

/** A client on Business Elite (180/day) bound as a transceiver. */
async function bound(opts: { pkg?: 'starter_pro' | 'business_elite' } = {}) {
  const c = await smppClient(h.db, admin, { pkg: opts.pkg ?? 'business_elite' });
  const e = await TestEsme.open(server.port);
  open.push(e);
  expect((await e.bind(c.systemId, c.password)).status).toBe(ESME.ROK);
  return { ...c, e };
}

const BURMESE = 'မင်္ဂလာပါ။ ယနေ့ ချိန်းဆိုမှုကို သတိပေးပါသည်။';

describe('text', () => {
  test('GSM-7 (data_coding 0) to TON 1 959…: one message to +959…, source smpp, the id answered is the message id', async () => {
    const c = await bound();
    const r = await c.e.submit({ dest: '959420000901', destTon: 1, message: gsm7('Your code is 1234 @ $5_'), registeredDelivery: 1 });
    expect(r.status).toBe(ESME.ROK);
    const m = await messageRow(h.db, r.id);
    expect(m).toMatchObject({
      clientId: c.id,
      text: 'Your code is 1234 @ $5_',
      source: 'smpp',
      encoding: 'gsm7',
      segments: 1,
      state: 'pending',
    });
    expect((await recipientsOf(h.db, r.id)).map((x) => x.phone)).toEqual(['+959420000901']);
  });

  test('Zawgyi in a UCS-2 submit is queued as Unicode, counted after conversion (docs/zawgyi.md)', async () => {
    const c = await bound();
    const zawgyi = 'စားနပ္ရိကၡာ၊ ေထာက္ပံ့ပစၥည္း ႏွင့္ အလွဴေငြမ်ား ေပးအပ္သည္။';
    const unicode = 'စားနပ်ရိက္ခာ၊ ထောက်ပံ့ပစ္စည်း နှင့် အလှူငွေများ ပေးအပ်သည်။';
    const r = await c.e.submit({ dest: '959420000907', message: ucs2(zawgyi), dataCoding: 8 });
    expect(r.status).toBe(ESME.ROK);
    expect(await messageRow(h.db, r.id)).toMatchObject({ text: unicode, encoding: 'ucs2', segments: 1 });
  });

  test('UCS-2 (data_coding 8) Burmese and Latin-1 (data_coding 3) arrive as the same text', async () => {
    const c = await bound();
    const my = await c.e.submit({ dest: '959420000902', message: ucs2(BURMESE), dataCoding: 8 });
    expect(my.status).toBe(ESME.ROK);
    expect(await messageRow(h.db, my.id)).toMatchObject({ text: BURMESE, encoding: 'ucs2' });
    const latin = await c.e.submit({
      dest: '959420000902',
      message: Buffer.from('Café crème à 5 €?', 'latin1').subarray(0, 14),
      dataCoding: 3,
    });
    expect((await messageRow(h.db, latin.id)).text).toBe('Café crème à 5');
  });

  test('unsupported data_coding (binary 4) → ESME_RINVDCS; empty text → ESME_RINVMSGLEN; odd-length UCS-2 → ESME_RINVMSGLEN', async () => {
    const c = await bound();
    expect((await c.e.submit({ dest: '959420000903', message: Buffer.from([1, 2, 3]), dataCoding: 4 })).status).toBe(ESME.RINVDCS);
    expect((await c.e.submit({ dest: '959420000903', message: Buffer.alloc(0) })).status).toBe(ESME.RINVMSGLEN);
    expect((await c.e.submit({ dest: '959420000903', message: Buffer.from([0x10, 0x00, 0x41]), dataCoding: 8 })).status).toBe(
      ESME.RINVMSGLEN,
    );
    expect(await clientMessages(h.db, c.id)).toHaveLength(0);
  });
});

describe('long messages', () => {
  const long = 'A'.repeat(153) + 'B'.repeat(153) + 'C'.repeat(40);

  test('3 parts with UDH (esm_class 0x43, Kannel style): three ids, one message of the whole text, 3 segments', async () => {
    const c = await bound();
    const parts = [long.slice(0, 153), long.slice(153, 306), long.slice(306)];
    const ids: string[] = [];
    for (const [i, p] of parts.entries()) {
      const r = await c.e.submit({
        dest: '959420000904',
        esm: 0x43,
        registeredDelivery: i === 0 ? 0x11 : 0,
        message: Buffer.concat([concatUdh(0x2a, 3, i + 1), gsm7(p)]),
      });
      expect(r.status).toBe(ESME.ROK);
      ids.push(r.id);
      if (i < 2) expect(await clientMessages(h.db, c.id)).toHaveLength(0);
    }
    expect(new Set(ids).size).toBe(3);
    const [m] = await clientMessages(h.db, c.id);
    expect(m).toMatchObject({ text: long, segments: 3, source: 'smpp' });
    const rows = await h.db.select().from(smppParts).where(eq(smppParts.messageId, m.id));
    expect(rows.map((r) => [r.id, r.partNo, r.registeredDelivery]).sort((a, b) => Number(a[1]) - Number(b[1]))).toEqual([
      [ids[0], 1, 0x11],
      [ids[1], 2, 0],
      [ids[2], 3, 0],
    ]);
  });

  test('parts out of order with 16-bit UDH references, UCS-2 split inside a surrogate pair: joined right', async () => {
    const c = await bound();
    const text = `${BURMESE} 😀 ${BURMESE}`;
    const bytes = ucs2(text);
    const cut = bytes.indexOf(ucs2('😀')) + 2; // between the two halves of the emoji
    const chunks = [bytes.subarray(0, cut), bytes.subarray(cut)];
    const udh16 = (seq: number) => Buffer.from([0x06, 0x08, 0x04, 0x12, 0x34, 2, seq]);
    for (const seq of [2, 1]) {
      const r = await c.e.submit({
        dest: '09420000905',
        destTon: 2,
        dataCoding: 8,
        esm: 0x40,
        message: Buffer.concat([udh16(seq), chunks[seq - 1]]),
      });
      expect(r.status).toBe(ESME.ROK);
    }
    const [m] = await clientMessages(h.db, c.id);
    expect(m.text).toBe(text);
    expect((await recipientsOf(h.db, m.id))[0].phone).toBe('+959420000905');
  });

  test('SAR options (sar_msg_ref_num, sar_total_segments, sar_segment_seqnum) and message_payload', async () => {
    const c = await bound();
    const sar = (ref: number, total: number, seq: number) => [tlv(0x020c, u16(ref)), tlv(0x020e, u8(total)), tlv(0x020f, u8(seq))];
    for (const seq of [1, 2]) {
      const r = await c.e.submit({ dest: '959420000906', message: gsm7(seq === 1 ? 'Hello ' : 'world'), tlvs: sar(7, 2, seq) });
      expect(r.status).toBe(ESME.ROK);
    }
    const payload = 'P'.repeat(400);
    const p = await c.e.submit({ dest: '959420000906', tlvs: [tlv(0x0424, gsm7(payload))] });
    expect(p.status).toBe(ESME.ROK);
    const texts = (await clientMessages(h.db, c.id)).map((m) => m.text).sort();
    expect(texts).toEqual(['Hello world', payload]);
  });

  test('a part sent twice is answered with its first id; the message is queued once', async () => {
    const c = await bound();
    const part = (seq: number, text: string) => ({
      dest: '959420000907',
      esm: 0x40,
      message: Buffer.concat([concatUdh(9, 2, seq), gsm7(text)]),
    });
    const a = await c.e.submit(part(1, 'one '));
    const again = await c.e.submit(part(1, 'one '));
    expect(again).toEqual(a);
    await c.e.submit(part(2, 'two'));
    expect((await clientMessages(h.db, c.id)).map((m) => m.text)).toEqual(['one two']);
  });
});

describe('addresses', () => {
  test.each([
    ['959420000910', 1, '+959420000910'],
    ['09420000911', 2, '+959420000911'],
    ['09420000912', 0, '+959420000912'],
    ['+959420000913', 0, '+959420000913'],
    ['66812345678', 1, '+66812345678'],
  ])('destination %s with TON %i → %s; the source address is kept for receipts', async (dest, ton, e164) => {
    const c = await bound();
    const r = await c.e.submit({ dest, destTon: ton, source: 'MyShop', sourceTon: 5, message: gsm7('hi') });
    expect(r.status).toBe(ESME.ROK);
    expect((await recipientsOf(h.db, r.id))[0].phone).toBe(e164);
    const [part] = await h.db.select().from(smppParts).where(eq(smppParts.id, r.id));
    expect(part).toMatchObject({ sourceAddr: 'MyShop', sourceTon: 5, destAddr: dest, destTon: ton });
  });

  test.each([
    ['12', 1],
    ['abc', 0],
    ['959420000901', 5],
    ['', 1],
    ['9594200009011234567890', 1],
  ])('destination %j with TON %i → ESME_RINVDSTADR, nothing queued', async (dest, ton) => {
    const c = await bound();
    expect((await c.e.submit({ dest, destTon: ton, message: gsm7('hi') })).status).toBe(ESME.RINVDSTADR);
    expect(await clientMessages(h.db, c.id)).toHaveLength(0);
  });
});

describe('limits', () => {
  test('over the daily quota (trial: 20/day) → ESME_RMSGQFUL; API sends and SMPP share the quota', async () => {
    const c = await smppClient(h.db, admin);
    await queueMessages(h.db, c.actor, {
      messages: Array.from({ length: 18 }, (_, i) => ({ phones: [`+9594200010${10 + i}`] })),
      text: 'api',
      source: 'api',
    });
    const e = await TestEsme.open(server.port);
    open.push(e);
    await e.bind(c.systemId, c.password);
    const rs = [];
    for (let i = 0; i < 4; i++) rs.push((await e.submit({ dest: `95942000200${i}`, message: gsm7('smpp') })).status);
    expect(rs).toEqual([ESME.ROK, ESME.ROK, ESME.RMSGQFUL, ESME.RMSGQFUL]);
    expect(await clientMessages(h.db, c.id)).toHaveLength(20);
  });

  test('the package throughput (5/s here) across two binds: the rest of that second → ESME_RTHROTTLED', async () => {
    const cl = await smppClientOn(h.db, admin, { smpp_throughput: 5 });
    const creds = { system_id: cl.systemId, password: cl.password };
    const [a, b] = await Promise.all([TestEsme.open(server.port), TestEsme.open(server.port)]);
    open.push(a, b);
    await a.bind(creds.system_id, creds.password);
    await b.bind(creds.system_id, creds.password);
    // 16 at once (started just after a second begins): 5 per second pass, the rest are throttled.
    await new Promise((res) => setTimeout(res, 1000 - (Date.now() % 1000) + 20));
    const rs = await Promise.all(
      Array.from({ length: 16 }, (_, i) => (i % 2 ? a : b).submit({ dest: `9594200030${10 + i}`, message: gsm7('t') })),
    );
    await expectThrottledBurst(
      h.db,
      cl.id,
      rs.map((x) => x.status),
      5,
    );
    const accepted = rs.filter((x) => x.status === ESME.ROK).length;
    await new Promise((res) => setTimeout(res, 1100));
    expect((await a.submit({ dest: '959420003099', message: gsm7('later') })).status).toBe(ESME.ROK);
    expect(await h.db.select().from(messages).where(eq(messages.clientId, cl.id))).toHaveLength(accepted + 1);
  });
});

describe('idempotency', () => {
  test('the same sequence re-sent after a reconnect gets the first id and no second message; another sequence is a new message', async () => {
    const c = await bound();
    const body = { dest: '959420000920', message: gsm7('Pay 5000 MMK'), registeredDelivery: 1 };
    const first = await c.e.submit(body, 777);
    c.e.destroy();
    const e2 = await TestEsme.open(server.port);
    open.push(e2);
    await e2.bind(c.systemId, c.password);
    const resent = await e2.submit(body, 777);
    expect(resent).toEqual(first);
    const other = await e2.submit(body, 778);
    expect(other.id).not.toBe(first.id);
    const rows = await h.db
      .select()
      .from(messages)
      .where(and(eq(messages.clientId, c.id)));
    expect(rows.map((m) => m.id).sort()).toEqual([first.id, other.id].sort());
  });
});
