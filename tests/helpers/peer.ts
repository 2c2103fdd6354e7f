// Requests "from" a client address, as scripts/serve.mjs marks them: the socket's address with this
// process's key (lib/http/client-ip.ts believes nothing else).
import { randomBytes } from 'node:crypto';
import { PEER_HEADER, peerKey, setPeerKey } from '@/lib/http/client-ip';

export function fromIp(ip: string): Record<string, string> {
  if (!peerKey()) setPeerKey(randomBytes(18).toString('base64url'));
  return { [PEER_HEADER]: `${peerKey()} ${ip}` };
}

let n = 0;
/** A fresh address per call (TEST-NET-3 and a documentation IPv6 range), so tests do not share buckets. */
export function freshIp(v6 = false): string {
  n++;
  const r = Math.floor(Math.random() * 200);
  return v6 ? `2001:db8:${r.toString(16)}:${n.toString(16)}::1` : `203.0.${r}.${(n % 250) + 1}`;
}
