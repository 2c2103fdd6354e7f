import 'server-only';
// Server-side helpers: the reader's formatter in async server components and server actions.
import { getLocale } from 'next-intl/server';
import { type Format, makeFormat } from './format';

export async function getFormat(timeZone?: string): Promise<Format> {
  return makeFormat(await getLocale(), timeZone);
}
