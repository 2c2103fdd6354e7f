// Finds English interface text left on a Burmese page (e2e/i18n-portals.spec.ts). It reads what a person
// reads in the page's main region: text, and the placeholder / aria-label / title / alt attributes. Data is
// not interface text, so it is taken out before looking for Latin words: the names, e-mails, notes and
// references the test's accounts carry (an allow-list read from the API), e-mail addresses, addresses and
// host names, codes (anything with a digit or an underscore), time zones, and code blocks (<code>, <pre>,
// monospaced cells, [translate="no"]). What is left must hold no run of Latin letters other than the names
// of products, protocols and formats that Burmese writes in Latin script too.
import type { APIRequestContext, Page } from '@playwright/test';

/** Written in Latin script in Burmese text as well: product, protocol and file-format names. */
export const LATIN_TERMS = [
  'SMS Gateway',
  'Private server',
  'System ID',
  'Firebase push',
  'AYA Pay',
  'CB Pay',
  'SMS',
  'SMPP',
  'API',
  'MMK',
  'JSON',
  'CSV',
  'URL',
  'ID',
  'QR',
  'HTTP',
  'HTTPS',
  'TLS',
  'IP',
  'OTP',
  'SIM',
  'Android',
  'Webhook',
  'Viber',
  'Telegram',
  'KBZPay',
  'WavePay',
  'ClickSend',
  'Bearer',
  'Basic',
  'Kannel',
  'OpenAPI',
  'Unicode',
  'Zawgyi',
  'GSM',
  'UDH',
  'POST',
  'CRM',
  'PNG',
  'JPEG',
  'SVG',
  'WebP',
  'GIF',
  'kB',
  'MB',
  'AUTO',
  'SSE',
  'English',
  'YYYY-MM-DD',
  'YYYY-MM',
  // Country codes, commands and configuration keys shown as examples of what to type.
  'MM',
  'curl',
  'dlr-mask',
  'SAR',
  // The contact import's column names and a field as the CSV and the templates spell them.
  'phone,name,city',
  'city: Yangon',
  'fields.city',
  // The example subdomain of the reseller form's hint.
  'acme',
];

/** Keys of API objects whose values are data a person typed (names, contacts, notes, references). */
const DATA_KEYS = new Set([
  'name',
  'display_name',
  'account_name',
  'account_number',
  'instructions',
  'email',
  'contact_name',
  'contact_email',
  'note',
  'reference',
  'subdomain',
  'brand_name',
  'reseller_name',
  'client_name',
  'platform_name',
]);

/** Every value under DATA_KEYS anywhere in a JSON answer. */
export function dataStrings(json: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(json)) for (const v of json) dataStrings(v, out);
  else if (json && typeof json === 'object')
    for (const [k, v] of Object.entries(json)) {
      if (typeof v === 'string' && DATA_KEYS.has(k) && v.trim()) out.add(v.trim());
      else dataStrings(v, out);
    }
  return out;
}

/** The data strings of GET answers (all pages of a paged list are not needed: the test filters its lists). */
export async function apiData(request: APIRequestContext, token: string, paths: string[], into: Set<string>): Promise<void> {
  for (const p of paths) {
    const res = await request.get(p, { headers: { authorization: `Bearer ${token}` } });
    if (res.ok()) dataStrings(await res.json(), into);
  }
}

/** The texts a person reads in <main>, outside code and data marked as not to be translated. */
async function readableTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    if (!main) return ['<no main region>'];
    const skip = (el: Element | null) =>
      Boolean(el?.closest('code, pre, kbd, samp, script, style, svg, [translate="no"], .font-mono, [aria-hidden="true"]')) ||
      // Time-zone choices are IANA names (Asia/Yangon), data of the platform.
      Boolean(el?.closest('option') && /\//.test((el.closest('option') as HTMLOptionElement).value));
    const out: string[] = [];
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim();
      if (text && !skip(n.parentElement)) out.push(text);
    }
    for (const el of main.querySelectorAll('[placeholder], [aria-label], [title], img[alt]')) {
      if (skip(el)) continue;
      for (const a of ['placeholder', 'aria-label', 'title', 'alt']) {
        const v = el.getAttribute(a)?.trim();
        if (v) out.push(v);
      }
    }
    return out;
  });
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Latin words left once data and the allowed terms are taken out; empty when the page is all Burmese. */
export function englishLeft(texts: string[], data: Set<string>): string[] {
  // Longest first, so "Demo Reseller Ltd" goes before "Demo Reseller".
  const known = [...data, ...LATIN_TERMS].sort((a, b) => b.length - a.length).map(escapeRe);
  const knownRe = known.length ? new RegExp(known.join('|'), 'g') : null;
  const left: string[] = [];
  for (const t of texts) {
    // Addresses first (a subdomain in the data list would otherwise leave ".localhost" behind), then data.
    let s = t
      .replace(/\{\{\s*[\w.]+\s*\}\}/g, ' ') // merge fields ({{name}}, {{fields.city}}): template syntax in any language
      .replace(/\S+@\S+/g, ' ') // e-mail addresses
      .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S*/gi, ' ') // addresses with a scheme
      .replace(/\b[\w-]+(\.[\w-]+)+(:\d+)?(\/\S*)?/g, ' '); // host names, file names
    if (knownRe) s = s.replace(knownRe, ' ');
    s = s
      .replace(/\b[A-Z][a-z]+\/[A-Za-z_/]+/g, ' ') // time zones
      .replace(/\b\w*[\d_]\w*\b/g, ' '); // codes, references, numbers
    const words = s.match(/[A-Za-z]{2,}/g);
    if (words) left.push(`${words.join(' ')}  ⟵  “${t.slice(0, 120)}”`);
  }
  return left;
}

/** What English is left on the page now open. */
export async function englishOnPage(page: Page, data: Set<string>): Promise<string[]> {
  return englishLeft(await readableTexts(page), data);
}

/** The bundled Noto Sans Myanmar face for Burmese script is in use (loaded, not only declared). */
export async function myanmarFontLoaded(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].some(
      (f) => f.family.replace(/["']/g, '') === 'Noto Sans Myanmar' && f.status === 'loaded' && /U\+1000/i.test(f.unicodeRange),
    );
  });
}
