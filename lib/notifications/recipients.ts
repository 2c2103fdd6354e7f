import 'server-only';
// Who a notice goes to, with what it needs: language, e-mail, phone, and whose brand speaks (a reseller's
// clients hear their reseller's brand, never the platform's name).
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { clients, resellerNoticeSettings, resellers, users } from '@/db/schema';
import type { Role } from '@/lib/auth/permissions';
import type { LanguagePref } from '@/lib/i18n/locales';
import { getSettings } from '@/lib/services/settings';

export interface Recipient {
  userId: number;
  role: Role;
  email: string;
  name: string;
  pref: LanguagePref;
  phone: string | null;
  /** The brand name the notice carries. */
  brand: string;
  /** The mail's from-name. */
  fromName: string;
  /** The reseller whose phone sends this person's SMS (a client's reseller), or null for the platform's. */
  smsResellerId: number | null;
  /** Where the portal is: `<subdomain>.<base domain>` for a reseller's clients. */
  host: string;
}

export async function loadRecipients(db: Db, userIds: number[]): Promise<Recipient[]> {
  if (!userIds.length) return [];
  const s = await getSettings(db);
  const rows = await db
    .select({
      u: users,
      resellerPhone: resellers.phone,
      clientPhone: clients.phone,
      clientReseller: clients.resellerId,
    })
    .from(users)
    .leftJoin(resellers, eq(resellers.id, users.id))
    .leftJoin(clients, eq(clients.id, users.id))
    .where(inArray(users.id, userIds));
  const resellerIds = [...new Set(rows.map((r) => r.clientReseller).filter((v): v is number => v !== null))];
  const brands = new Map<number, { brand: string; fromName: string; subdomain: string; language: 'en' | 'my' | null }>();
  if (resellerIds.length) {
    const rs = await db
      .select({ r: resellers, name: users.name, fromName: resellerNoticeSettings.mailFromName })
      .from(resellers)
      .innerJoin(users, eq(users.id, resellers.id))
      .leftJoin(resellerNoticeSettings, eq(resellerNoticeSettings.resellerId, resellers.id))
      .where(inArray(resellers.id, resellerIds));
    for (const r of rs) {
      const brand = r.r.brandName || r.name;
      brands.set(r.r.id, { brand, fromName: r.fromName || brand, subdomain: r.r.subdomain, language: r.r.clientLanguage });
    }
  }
  return rows
    .filter((r) => r.u.status === 'active')
    .map((r) => {
      const b = r.clientReseller !== null ? brands.get(r.clientReseller) : undefined;
      const language = r.u.language ?? b?.language ?? s.default_language;
      return {
        userId: r.u.id,
        role: r.u.role,
        email: r.u.email,
        name: r.u.name,
        pref: { language, burmeseDigits: r.u.burmeseDigits },
        phone: r.u.role === 'client' ? r.clientPhone : r.u.role === 'reseller' ? r.resellerPhone : null,
        brand: b?.brand ?? s.platform_name,
        fromName: b?.fromName ?? s.platform_name,
        smsResellerId: r.clientReseller,
        host: b ? `${b.subdomain}.${s.base_domain}` : s.base_domain,
      };
    });
}

/** The portal's address for links in mails: http on localhost, https elsewhere. */
export function portalUrl(host: string, path: string): string {
  const base = process.env.PUBLIC_URL_SCHEME ?? (/(^|\.)localhost(:\d+)?$/.test(host) ? 'http' : 'https');
  return `${base}://${host}${path}`;
}

export const PORTAL_PATH: Record<Role, string> = { admin: '/admin', reseller: '/reseller', client: '/client' };
