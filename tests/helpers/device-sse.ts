// A device's server-sent-events stream read in a test (GET /api/mobile/v1/events).
import { expect } from 'vitest';
import { GET as eventsRoute } from '@/app/api/mobile/v1/events/route';

/** Reads a device's SSE stream until `until` matches or `ms` pass; then closes it. */
export async function sse(token: string, ms: number, during: () => Promise<unknown>, until?: RegExp): Promise<string> {
  const ctrl = new AbortController();
  const res = await eventsRoute(
    new Request('http://test/api/mobile/v1/events', { headers: { authorization: `Bearer ${token}` }, signal: ctrl.signal }),
    {
      params: Promise.resolve({}),
    },
  );
  expect(res.status).toBe(200);
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const dec = new TextDecoder();
  let text = '';
  const deadline = Date.now() + ms;
  let started = false;
  while (Date.now() < deadline) {
    const chunk = await Promise.race([
      reader.read(),
      new Promise<null>((r) => setTimeout(() => r(null), Math.max(1, deadline - Date.now()))),
    ]);
    if (chunk && !chunk.done) text += dec.decode(chunk.value);
    if (chunk?.done) break;
    if (!started && text.includes(':connected')) {
      started = true;
      await during();
    }
    if (until?.test(text)) break;
  }
  ctrl.abort();
  await reader.cancel().catch(() => {});
  return text;
}
