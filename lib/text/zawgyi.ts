// Zawgyi, the legacy Myanmar font encoding many phones still type, detected and converted with Google's
// myanmar-tools (pinned 1.1.3: 1.2.0 on the registry ships without its compiled files). Used wherever
// Burmese text enters (docs/zawgyi.md): message text, names, inbound SMS; also in the browser (send form).
import myanmarTools from 'myanmar-tools';

// A CommonJS package: its default export, so that Node's own ESM loader (tsx in scripts/bench) reads it too.
const { ZawgyiConverter, ZawgyiDetector } = myanmarTools;
type ZawgyiDetector = InstanceType<typeof ZawgyiDetector>;
type ZawgyiConverter = InstanceType<typeof ZawgyiConverter>;

/** At or above this probability a text is treated as Zawgyi (the library's own recommended cut-off). */
export const ZAWGYI_THRESHOLD = 0.95;

const MYANMAR = /[\u1000-\u109F\uAA60-\uAA7F\uA9E0-\uA9FF]/;

let detector: ZawgyiDetector | undefined;
let converter: ZawgyiConverter | undefined;

/** Probability 0..1 that the text is Zawgyi; 0 for text without Myanmar characters (ASCII, empty). */
export function zawgyiProbability(text: string): number {
  if (!MYANMAR.test(text)) return 0;
  detector ??= new ZawgyiDetector();
  const p = detector.getZawgyiProbability(text);
  return Number.isFinite(p) ? p : 0;
}

export function isZawgyi(text: string): boolean {
  return zawgyiProbability(text) >= ZAWGYI_THRESHOLD;
}

/** Zawgyi → Unicode, unconditionally (callers decide with isZawgyi first). */
export function zawgyiToUnicode(text: string): string {
  converter ??= new ZawgyiConverter();
  return converter.zawgyiToUnicode(text);
}

export interface NormalizedText {
  text: string;
  /** The input was Zawgyi (probability ≥ ZAWGYI_THRESHOLD) and `text` is its Unicode conversion. */
  converted: boolean;
}

/** Unicode stays as it is; Zawgyi becomes Unicode unless the caller asked to keep the encoding. */
export function toUnicode(text: string, keepEncoding = false): NormalizedText {
  if (keepEncoding || !isZawgyi(text)) return { text, converted: false };
  const out = zawgyiToUnicode(text);
  return { text: out, converted: out !== text };
}

/** A name typed in Zawgyi is stored as Unicode (names have no keep-encoding choice). */
export function unicodeName(name: string): string {
  return toUnicode(name).text;
}

/** The same object with the named text fields (names typed on a phone) as Unicode. */
export function unicodeFields<T extends object>(input: T, keys: readonly (keyof T)[]): T {
  const out = { ...input };
  for (const k of keys) {
    const v = out[k];
    if (typeof v === 'string') out[k] = unicodeName(v) as T[keyof T];
  }
  return out;
}
