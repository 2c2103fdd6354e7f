import 'server-only';
import { headers } from 'next/headers';

/** The origin the browser reached us at (behind a proxy: X-Forwarded-Host/Proto), for URLs we show. */
export async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = (h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost').split(',')[0].trim();
  const proto = (h.get('x-forwarded-proto') ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https'))
    .split(',')[0]
    .trim();
  return `${proto}://${host}`;
}
