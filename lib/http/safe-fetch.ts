// Outbound HTTP to addresses a customer chose (webhooks): never to our own network. The URL is checked when
// it is saved (`assertPublicUrl`) and again on every request (`safeFetch`): the name is resolved, every
// address checked, and the connection made to the address that was checked (no second lookup, so no DNS
// rebinding); redirects are never followed. WEBHOOK_ALLOW_PRIVATE=1 lets an operator deliver to its own
// network (docs/ARCHITECTURE.md#outbound-requests).
import dns, { type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';

/** The reason an outbound address is refused (a delivery records it as its error). */
export class UnsafeAddressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeAddressError';
  }
}

export const allowPrivateTargets = () => process.env.WEBHOOK_ALLOW_PRIVATE === '1';

// Loopback, private, link-local, CGNAT, ULA, multicast, unspecified, documentation and reserved ranges,
// and the IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4, Teredo). Two lists: a
// BlockList matches IPv4 addresses against IPv6 rules such as ::/96 too.
const BLOCKED_V4 = new BlockList();
const BLOCKED_V6 = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  BLOCKED_V4.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 96],
  ['::ffff:0:0', 96],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 32],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  BLOCKED_V6.addSubnet(net, bits, 'ipv6');

/** True when the literal address (v4 or v6) is one we never connect to. */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return family === 4 ? BLOCKED_V4.check(address, 'ipv4') : BLOCKED_V6.check(address, 'ipv6');
}

const LOCAL_NAMES = /(^|\.)(localhost|localdomain|local|internal|home\.arpa)$/i;

/**
 * Parses and checks a customer-given URL without resolving it: http(s) only, no literal private address in
 * any spelling (the WHATWG parser turns 127.1, 2130706433, 0x7f.1 and 0177.0.0.1 into 127.0.0.1), no
 * localhost-like name. Returns the URL and its host as an address when it is a literal one.
 */
export function checkUrl(raw: string | URL): { url: URL; host: string; literal: boolean } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeAddressError('The URL is not valid.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UnsafeAddressError('Only http and https URLs are allowed.');
  const host = url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  const literal = isIP(host) !== 0;
  if (allowPrivateTargets()) return { url, host, literal };
  if (literal && isBlockedAddress(host))
    throw new UnsafeAddressError(`The address ${host} is loopback, private or reserved; webhooks go to public addresses only.`);
  if (!literal && (LOCAL_NAMES.test(host) || !host.includes('.')))
    throw new UnsafeAddressError(`The host ${host} is a local name; webhooks go to public addresses only.`);
  return { url, host, literal };
}

/** Throws UnsafeAddressError unless the URL may be saved as a webhook target (see `checkUrl`). */
export function assertPublicUrl(raw: string): void {
  checkUrl(raw);
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for node:net that resolves once, refuses when any address is blocked, and hands on those. */
function checkedLookup(hostname: string, options: { all?: boolean }, callback: LookupCallback): void {
  dns.lookup(hostname, { all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    if (!addresses.length) return callback(new UnsafeAddressError(`${hostname} has no address.`), []);
    const bad = allowPrivateTargets() ? undefined : addresses.find((a) => isBlockedAddress(a.address));
    if (bad) return callback(new UnsafeAddressError(`${hostname} resolves to a private or reserved address; not delivered.`), []);
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
}

/** What a delivery needs of `fetch` (tests hand in `fetch` itself or a fake). */
export type Fetcher = (url: string, init: RequestInit) => Promise<Response>;

/**
 * A `fetch` for customer-chosen URLs: the same call shape (method, headers, string body, signal), but over
 * node:http(s) with the checked lookup above, redirects answered as they are (never followed), and the
 * answer's body discarded (only the status is used).
 */
export async function safeFetch(input: string | URL, init: RequestInit = {}): Promise<Response> {
  const { url, host, literal } = checkUrl(input);
  const signal = init.signal ?? undefined;
  const headers = Object.fromEntries(new Headers(init.headers).entries());
  const body = typeof init.body === 'string' ? init.body : init.body == null ? undefined : String(init.body);
  const transport = url.protocol === 'https:' ? https : http;
  const status = await new Promise<number>((resolve, reject) => {
    const req = transport.request(
      url,
      {
        method: init.method ?? 'GET',
        headers,
        signal,
        agent: false,
        // A literal address was checked above; a name is resolved and checked here, once, for this connection.
        ...(literal ? { host } : { lookup: checkedLookup as never }),
      },
      (res) => {
        res.resume();
        res.on('error', () => undefined);
        resolve(res.statusCode ?? 0);
        res.destroy();
      },
    );
    req.on('error', (err) => reject(signal?.aborted ? signal.reason : err));
    req.end(body);
  });
  if (status < 200 || status > 599) throw new Error(`unexpected HTTP status ${status}`);
  return new Response(null, { status });
}
