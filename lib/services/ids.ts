import { randomBytes } from 'node:crypto';

const ALPHABET = 'useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict';

/** A 21-character URL-safe id, the shape the Android gateway app expects for message and device ids. */
export function newId(size = 21): string {
  return idAt(randomBytes(size), 0, size);
}

/**
 * `n` ids of newId's shape from one draw of random bytes: a send of 1,000 recipients makes 1,000 message
 * ids, and randomBytes costs ~5 µs a call whatever its size (5 ms against 0.3 ms for the batch).
 */
export function newIds(n: number, size = 21): string[] {
  const bytes = randomBytes(n * size);
  const ids = new Array<string>(n);
  for (let k = 0; k < n; k++) ids[k] = idAt(bytes, k * size, size);
  return ids;
}

function idAt(bytes: Uint8Array, start: number, size: number): string {
  let out = '';
  for (let i = start; i < start + size; i++) out += ALPHABET[bytes[i] & 63];
  return out;
}
