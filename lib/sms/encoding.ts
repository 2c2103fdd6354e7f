// SMS length rules shared by the send API (segments counted per message) and the portal's live counter.
// GSM 03.38 basic set: 160 characters in one SMS, 153 per part of a long one; the extension table's
// characters take two. Anything else (Myanmar script, emoji) needs UCS-2: 70 in one SMS, 67 per part.

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€\f';
const BASIC = new Set(GSM_BASIC);
const EXTENDED = new Set(GSM_EXTENDED);

export interface SmsLength {
  encoding: 'gsm7' | 'ucs2';
  /** Characters as the encoding counts them (GSM extension characters count twice; UCS-2 counts UTF-16 units). */
  units: number;
  segments: number;
  /** Units per segment for this length: 160/153 or 70/67. */
  perSegment: number;
  remaining: number;
}

export function smsLength(text: string): SmsLength {
  let gsmUnits = 0;
  let gsm = true;
  for (const ch of text) {
    if (BASIC.has(ch)) gsmUnits += 1;
    else if (EXTENDED.has(ch)) gsmUnits += 2;
    else {
      gsm = false;
      break;
    }
  }
  const [single, multi, units] = gsm ? [160, 153, gsmUnits] : [70, 67, text.length];
  const segments = units === 0 ? 0 : units <= single ? 1 : Math.ceil(units / multi);
  const perSegment = segments <= 1 ? single : multi;
  return { encoding: gsm ? 'gsm7' : 'ucs2', units, segments, perSegment, remaining: Math.max(0, (segments || 1) * perSegment - units) };
}
