// Malformed input never takes the SMPP server down (issue 17): generated PDUs (random command ids, bodies cut
// short or padded, mutated submit_sm with random codings, headers and options, random bytes), broken framing
// and half-sent PDUs are answered with one response or generic_nack per request, or the connection is
// closed; meanwhile another bind keeps sending and being answered, and new binds still work afterwards.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DbHandle } from '@/db';
import type { Actor } from '@/lib/auth/permissions';
import type { SmppServer } from '@/lib/smpp/server';
import { openTestDb } from './helpers/db';
import { makeAdmin } from './helpers/fixtures';
import { smppClient, smppClientOn, startTestSmpp } from './helpers/smpp';
import { CMD, cstr, ESME, gsm7, pdu, submitBody, TestEsme, tlv, u8 } from './helpers/smpp-client';

let h: DbHandle;
let admin: Actor;
let server: SmppServer & { port: number };
let creds: { systemId: string; password: string };
let steady: TestEsme;
let steadyRuns = 0;
const steadyFailures: string[] = [];
let stopSteady = false;
let steadyLoop: Promise<void>;

beforeAll(async () => {
  h = await openTestDb();
  admin = await makeAdmin(h.db);
  server = await startTestSmpp(h.db, { session: { bindTimeoutMs: 1_500, enquireIntervalMs: 5_000, responseTimeoutMs: 2_000 } });
  // The fuzzer's client may send 1,000 submit_sm a second, so generated PDUs get past the throttle.
  const fuzzer = await smppClientOn(h.db, admin, { daily_limit: 100_000, smpp_throughput: 1_000, smpp_max_binds: 50 });
  creds = { systemId: fuzzer.systemId, password: fuzzer.password };
  // The "other bind" (another client: the fuzzer's submits use up its own throughput): keeps sending a real
  // submit and an enquire_link while the fuzzer runs.
  const other = await smppClient(h.db, admin, { pkg: 'enterprise_max' });
  steady = await TestEsme.open(server.port);
  expect((await steady.bind(other.systemId, other.password)).status).toBe(ESME.ROK);
  steadyLoop = (async () => {
    while (!stopSteady) {
      try {
        const [s, el] = await Promise.all([
          steady.submit({ dest: '959420000950', message: gsm7(`steady ${steadyRuns}`) }),
          steady.request(CMD.enquire_link, Buffer.alloc(0), { ms: 3_000 }),
        ]);
        if (s.status !== ESME.ROK || el.status !== ESME.ROK) steadyFailures.push(`status ${s.status}/${el.status}`);
      } catch (err) {
        steadyFailures.push(String(err));
      }
      steadyRuns++;
      await new Promise((r) => setTimeout(r, 150));
    }
  })();
}, 60_000);
afterAll(async () => {
  stopSteady = true;
  await steadyLoop;
  steady?.destroy();
  await server?.stop();
  await h?.close();
});

const REQUEST_IDS = [
  CMD.bind_transmitter,
  CMD.bind_receiver,
  CMD.bind_transceiver,
  CMD.submit_sm,
  CMD.enquire_link,
  0x00000003, // query_sm
  0x00000021, // submit_multi
  0x00000103, // data_sm
  0x00000102, // alert_notification
  CMD.deliver_sm,
];

const submitArb = fc.record({
  dest: fc.oneof({ arbitrary: fc.constant('959420000951'), weight: 6 }, fc.string({ maxLength: 40 }), fc.stringMatching(/^\+?\d{0,25}$/)),
  destTon: fc.oneof({ arbitrary: fc.constant(1), weight: 4 }, fc.integer({ min: 0, max: 255 })),
  source: fc.string({ maxLength: 30 }),
  esm: fc.oneof(fc.constant(0), fc.constant(0x40), fc.constant(0x43), fc.integer({ min: 0, max: 255 })),
  dataCoding: fc.oneof(fc.constantFrom(0, 1, 3, 8, 0xf0, 0x11), fc.integer({ min: 0, max: 255 })),
  registeredDelivery: fc.integer({ min: 0, max: 255 }),
  validity: fc.oneof({ arbitrary: fc.constant(''), weight: 4 }, fc.constant('000000000100000R'), fc.string({ maxLength: 20 })),
  schedule: fc.oneof({ arbitrary: fc.constant(''), weight: 6 }, fc.string({ maxLength: 20 })),
  message: fc.uint8Array({ maxLength: 254 }).map((a) => Buffer.from(a)),
  tlvs: fc.array(fc.tuple(fc.constantFrom(0x020c, 0x020e, 0x020f, 0x0424, 0x001e, 0x0427, 0x1234), fc.uint8Array({ maxLength: 300 })), {
    maxLength: 4,
  }),
});

/** One generated request: a submit_sm (maybe cut short or padded), or any command with random bytes. */
const requestArb = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.tuple(submitArb, fc.integer({ min: -40, max: 40 })).map(([s, cut]) => {
      const body = submitBody({ ...s, tlvs: s.tlvs.map(([tag, v]) => tlv(tag, Buffer.from(v))) });
      const b = cut < 0 ? body.subarray(0, Math.max(0, body.length + cut)) : Buffer.concat([body, Buffer.alloc(cut, 0xff)]);
      return { id: CMD.submit_sm, body: b };
    }),
  },
  fc.tuple(fc.constantFrom(...REQUEST_IDS), fc.uint8Array({ maxLength: 120 })).map(([id, b]) => ({ id, body: Buffer.from(b) })),
  fc.tuple(fc.integer({ min: 0, max: 0x7fffffff }), fc.uint8Array({ maxLength: 60 })).map(([id, b]) => ({ id, body: Buffer.from(b) })),
  fc.constantFrom(...[CMD.bind_transceiver, CMD.bind_transmitter]).map((id) => ({
    id,
    body: Buffer.concat([cstr('X'.repeat(40)), cstr('Y'.repeat(40)), cstr(''), u8(0x34), u8(0), u8(0), cstr('')]),
  })),
);

describe('fuzz', () => {
  test('500 generated requests: each answered once with its sequence number (or the connection closed), never a crash', async () => {
    let e: TestEsme | null = null;
    let answered = 0;
    let closed = 0;
    let seq = 1000;
    await fc.assert(
      fc.asyncProperty(requestArb, fc.boolean(), async (req, bindFirst) => {
        if (!e || e.closed) {
          e = await TestEsme.open(server.port);
          if (bindFirst) await e.bind(creds.systemId, creds.password);
        }
        const conn: TestEsme = e;
        const mySeq = seq++;
        const got = await Promise.race([
          conn.request(req.id, req.body, { seq: mySeq, ms: 5_000 }).then((p) => p),
          conn.waitClosed(5_000).then(() => null),
        ]);
        if (got) {
          answered++;
          expect(got.seq).toBe(mySeq);
          const respOf = (req.id | 0x80000000) >>> 0;
          expect([respOf, CMD.generic_nack]).toContain(got.commandId);
        } else {
          closed++;
          expect(conn.closed).toBe(true);
        }
      }),
      { numRuns: 500, seed: 17 },
    );
    (e as TestEsme | null)?.destroy();
    expect(answered).toBeGreaterThan(350);
    expect(closed).toBeLessThan(150);
  }, 240_000);

  test('broken framing: a short or huge command_length is nacked and closed; a half PDU then silence is closed by the timer', async () => {
    for (const length of [0, 4, 15, 16_385, 0xffffffff]) {
      const e = await TestEsme.open(server.port);
      const head = Buffer.alloc(16);
      head.writeUInt32BE(length, 0);
      head.writeUInt32BE(CMD.enquire_link, 4);
      head.writeUInt32BE(42, 12);
      e.write(head);
      expect(await e.waitClosed(3_000)).toBe(true);
      expect(e.received.map((p) => [p.commandId, p.status, p.seq])).toEqual([[CMD.generic_nack, ESME.RINVCMDLEN, 42]]);
    }
    const half = await TestEsme.open(server.port);
    half.write(pdu(CMD.enquire_link, 7).subarray(0, 10));
    expect(await half.waitClosed(4_000)).toBe(true);
    // Random bytes in one write: closed or nacked, never hanging on forever.
    for (let i = 0; i < 20; i++) {
      const e = await TestEsme.open(server.port);
      e.write(Buffer.from(fc.sample(fc.uint8Array({ minLength: 1, maxLength: 2_000 }), { numRuns: 1, seed: i })[0]));
      expect(await e.waitClosed(4_000)).toBe(true);
    }
  }, 120_000);

  test('after all that: the steady bind was answered every time, and a new bind and submit work', async () => {
    expect(steadyRuns).toBeGreaterThan(10);
    expect(steadyFailures).toEqual([]);
    const e = await TestEsme.open(server.port);
    expect((await e.bind(creds.systemId, creds.password)).status).toBe(ESME.ROK);
    expect((await e.submit({ dest: '959420000952', message: gsm7('still here') })).status).toBe(ESME.ROK);
    await e.unbind();
  });
});
