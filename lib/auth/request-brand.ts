import 'server-only';
// Which brand the current request is for, from the Host the browser used (never from a form field), and
// the platform's own sign-in address for people who are on the wrong brand's page.
import { headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db';
import { brandFromRequestHost, type PublicBrand } from '@/lib/services/branding';
import { getSettings } from '@/lib/services/settings';

async function requestHost(): Promise<string> {
  const h = await headers();
  return (h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost').split(',')[0].trim().toLowerCase();
}

/** The reseller brand of this request's host (`acme.<base domain>`), or null on the platform's own host. */
export const requestBrand = cache(async (): Promise<PublicBrand | null> => brandFromRequestHost(await getDb(), await requestHost()));

/** `https://<base domain>/login` (keeping a development port): where everyone but a brand's clients signs in. */
export async function platformLoginUrl(): Promise<string> {
  const h = await headers();
  const host = await requestHost();
  const port = /:(\d+)$/.exec(host)?.[1];
  const base = (await getSettings(await getDb())).base_domain.replace(/:\d+$/, '');
  const local = base === 'localhost' || base.endsWith('.localhost');
  const proto = (h.get('x-forwarded-proto') ?? (local ? 'http' : 'https')).split(',')[0].trim();
  return `${proto}://${base}${port ? `:${port}` : ''}/login`;
}
