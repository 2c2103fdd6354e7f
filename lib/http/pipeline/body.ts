// Request bodies: read as a stream and counted while they arrive, so a body over the limit is refused
// (413) when the limit is crossed, not after it sits in memory; and JSON nested deeper than a small limit
// is refused (400) before anything walks it.
import { DomainError } from '@/lib/errors';

/** Deeper than any body this API takes (the deepest, a state report, is 4 levels). */
export const MAX_JSON_DEPTH = 32;

const tooLarge = (limit: number) => new DomainError('payload_too_large', `Request body is larger than ${limit} bytes.`, { limit });

/** The body as UTF-8 text, at most `limit` bytes; a declared or streamed body over it is a 413. */
export async function readCappedBody(req: Request, limit: number): Promise<string> {
  const declared = req.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** How deep the JSON text nests (brackets outside strings), stopping early past `max`. */
export function jsonDepthOver(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}

/** JSON text → value; blank reads as {} (a bodyless POST). Not JSON, or nested too deep → 400. */
export function parseJsonBody(text: string): unknown {
  if (!text.trim()) return {};
  if (jsonDepthOver(text, MAX_JSON_DEPTH))
    throw new DomainError('invalid_json', `The request body nests deeper than ${MAX_JSON_DEPTH} levels.`);
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError('invalid_json', 'The request body is not valid JSON.');
  }
}
