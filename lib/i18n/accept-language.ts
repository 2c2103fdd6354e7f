import Negotiator from 'negotiator';
import { isLanguage, LANGUAGES, type Language } from './locales';

/** The first of our languages the browser asks for (by q-value), or null. */
export function fromAcceptLanguage(header: string | null | undefined): Language | null {
  if (!header) return null;
  const best = new Negotiator({ headers: { 'accept-language': header } }).languages([...LANGUAGES])[0];
  return isLanguage(best) ? best : null;
}
