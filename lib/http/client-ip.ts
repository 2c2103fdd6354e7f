// Who is asking. The one client-IP function: the API pipeline, server actions, sign-in and the audit log
// all read it. The socket's address comes from scripts/serve.mjs (Next does not pass it on); it is
// believed only when it carries this process's key, so a client cannot send it itself. Behind a proxy
// listed in TRUSTED_PROXIES, the right-most X-Forwarded-For hop that is not a trusted proxy is the client.
// Unset, no one is trusted (loopback included): X-Forwarded-For is then ignored. See docs/ARCHITECTURE.md.
import { BlockList, isIP } from 'node:net';

export const PEER_HEADER = 'x-sms-peer';
const KEY = Symbol.for('sms-platform.peer-key');
type G = typeof globalThis & { [KEY]?: string };

/** The key scripts/serve.mjs set for this process (tests set their own), or null when none. */
export function peerKey(): string | null {
  return (globalThis as G)[KEY] ?? null;
}

/** Sets the process's peer key (scripts/serve.mjs does the same before Next starts; tests call this). */
export function setPeerKey(key: string): void {
  (globalThis as G)[KEY] = key;
}

/** `::ffff:10.0.0.1` → `10.0.0.1`; IPv6 lowercased; anything that is not an address → null. */
export function normalizeIp(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let s = raw.trim();
  if (s.startsWith('[') && s.includes(']')) s = s.slice(1, s.indexOf(']'));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(s);
  if (mapped) s = mapped[1];
  const v = isIP(s);
  if (v === 4) return s;
  if (v === 6) return s.toLowerCase();
  return null;
}

let trusted: { list: BlockList; source: string } | null = null;

/** TRUSTED_PROXIES: comma-separated addresses or CIDRs (IPv4 and IPv6). Throws on an entry it cannot read. */
export function parseTrustedProxies(value: string | undefined): BlockList {
  const list = new BlockList();
  for (const entry of (value ?? '').split(',').map((s) => s.trim())) {
    if (!entry) continue;
    const [addr, bits] = entry.split('/');
    const ip = normalizeIp(addr);
    const type = ip && isIP(ip) === 6 ? 'ipv6' : 'ipv4';
    const max = type === 'ipv6' ? 128 : 32;
    const prefix = bits === undefined ? max : Number(bits);
    if (!ip || !Number.isInteger(prefix) || prefix < 0 || prefix > max || (bits !== undefined && !/^\d+$/.test(bits)))
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR`);
    list.addSubnet(ip, prefix, type);
  }
  return list;
}

function trustedProxies(): BlockList {
  const source = process.env.TRUSTED_PROXIES ?? '';
  if (trusted?.source !== source) trusted = { list: parseTrustedProxies(source), source };
  return trusted.list;
}

export function isTrustedProxy(ip: string): boolean {
  return trustedProxies().check(ip, isIP(ip) === 6 ? 'ipv6' : 'ipv4');
}

/** The socket's address, when scripts/serve.mjs vouched for it. */
export function peerAddress(headers: Headers): string | null {
  const raw = headers.get(PEER_HEADER);
  const key = peerKey();
  if (!raw || !key) return null;
  const at = raw.indexOf(' ');
  if (at < 0 || raw.slice(0, at) !== key) return null;
  return normalizeIp(raw.slice(at + 1));
}

/**
 * The client's address: the socket's, or — when the socket is a trusted proxy — the right-most
 * X-Forwarded-For hop that is not itself a trusted proxy. Null when unknown (not served by serve.mjs).
 */
export function clientIp(headers: Headers): string | null {
  let ip = peerAddress(headers);
  if (!ip || !isTrustedProxy(ip)) return ip;
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeIp(hops[i]);
    // A hop that is not an address is where the chain stops being trustworthy: the last good one stands.
    if (!hop) return ip;
    ip = hop;
    if (!isTrustedProxy(hop)) return hop;
  }
  return ip;
}

/** The address as a rate-limit key: IPv4 whole, IPv6 by its /64 (one subscriber holds a whole /64). */
export function ipKey(ip: string): string {
  if (isIP(ip) !== 6) return ip;
  return `${expandIpv6(ip).slice(0, 4).join(':')}::/64`;
}

function expandIpv6(ip: string): string[] {
  const [head, tail] = ip.includes('::') ? ip.split('::') : [ip, undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  // An embedded IPv4 tail (::ffff:1.2.3.4 spelled in IPv6 form) takes two groups.
  const last = t.length ? t[t.length - 1] : h[h.length - 1];
  const v4 = last?.includes('.') ? 1 : 0;
  const fill = tail === undefined ? [] : Array(8 - h.length - t.length - v4).fill('0');
  return [...h, ...fill, ...t].map((g) => (g.includes('.') ? g : g.padStart(4, '0')));
}
