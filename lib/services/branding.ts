import 'server-only';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '@/db';
import { clients, resellers, users } from '@/db/schema';
import { type Actor, assertCan } from '@/lib/auth/permissions';
import { fieldError, notFound } from '@/lib/errors';
import { subdomainFromHost } from '@/lib/http/host';
import { DEFAULT_COUNTRY, parsePhone } from '@/lib/phone';
import type { UpdateBrandingInput } from '@/lib/validation/branding';
import { writeAudit } from './audit';
import { getSettings } from './settings';

export interface BrandingView {
  subdomain: string;
  brand_name: string | null;
  color: string | null;
  logo_url: string | null;
  support_email: string | null;
  support_phone: string | null;
  support_viber: string | null;
  support_telegram: string | null;
  login_url: string;
}

/** What a subdomain's login page and the reseller's clients see. */
export interface PublicBrand {
  reseller_id: number;
  subdomain: string;
  name: string;
  color: string | null;
  logo_url: string | null;
  support_email: string | null;
  support_phone: string | null;
  support_viber: string | null;
  support_telegram: string | null;
}

type Row = typeof resellers.$inferSelect;

export const logoUrlOf = (r: Pick<Row, 'subdomain' | 'logoData' | 'logoUpdatedAt'>) =>
  r.logoData ? `/brand/${r.subdomain}/logo?v=${r.logoUpdatedAt?.getTime() ?? 0}` : null;

function view(r: Row, baseDomain: string): BrandingView {
  return {
    subdomain: r.subdomain,
    brand_name: r.brandName,
    color: r.brandColor,
    logo_url: logoUrlOf(r),
    support_email: r.supportEmail,
    support_phone: r.supportPhone,
    support_viber: r.supportViber,
    support_telegram: r.supportTelegram,
    login_url: `https://${r.subdomain}.${baseDomain}/login`,
  };
}

export async function getBranding(db: Db, actor: Actor): Promise<BrandingView> {
  assertCan(actor, 'branding.manage');
  const [r] = await db.select().from(resellers).where(eq(resellers.id, actor.userId));
  if (!r) throw notFound('Reseller');
  return view(r, (await getSettings(db)).base_domain);
}

export async function updateBranding(db: Db, actor: Actor, input: UpdateBrandingInput, now = new Date()): Promise<BrandingView> {
  assertCan(actor, 'branding.manage');
  const after = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(resellers).where(eq(resellers.id, actor.userId)).for('update');
    if (!before) throw notFound('Reseller');
    if (input.subdomain && input.subdomain !== before.subdomain) {
      const [taken] = await tx
        .select({ id: resellers.id })
        .from(resellers)
        .where(and(eq(resellers.subdomain, input.subdomain), ne(resellers.id, before.id)));
      if (taken) throw fieldError('subdomain', 'This subdomain is already taken.', 'subdomain_taken');
    }
    const set: Partial<typeof resellers.$inferInsert> = {};
    if (input.subdomain !== undefined) set.subdomain = input.subdomain;
    if (input.brand_name !== undefined) set.brandName = input.brand_name || null;
    if (input.color !== undefined) set.brandColor = input.color?.toLowerCase() ?? null;
    if (input.support_email !== undefined) set.supportEmail = input.support_email || null;
    if (input.support_phone !== undefined) set.supportPhone = input.support_phone || null;
    if (input.support_viber !== undefined) set.supportViber = input.support_viber ? viberNumber(input.support_viber, before.phone) : null;
    if (input.support_telegram !== undefined) set.supportTelegram = input.support_telegram || null;
    if (input.logo_url !== undefined) {
      if (input.logo_url === null) {
        Object.assign(set, { logoData: null, logoType: null, logoUpdatedAt: now });
      } else {
        const comma = input.logo_url.indexOf(',');
        Object.assign(set, {
          logoType: input.logo_url.slice(5, input.logo_url.indexOf(';')),
          logoData: input.logo_url.slice(comma + 1),
          logoUpdatedAt: now,
        });
      }
    }
    const [row] = Object.keys(set).length ? await tx.update(resellers).set(set).where(eq(resellers.id, before.id)).returning() : [before];
    const baseDomain = (await getSettings(tx)).base_domain;
    const { logo_url: logo, ...rest } = input;
    await writeAudit(tx, actor, 'reseller.branding_update', { type: 'reseller', id: before.id }, view(before, baseDomain), {
      ...rest,
      ...(logo !== undefined ? { logo_changed: true } : {}),
    });
    return view(row, baseDomain);
  });
  return after;
}

/** A Viber number in E.164 (read in the country of the reseller's own phone, else Myanmar), or a 400 on the field. */
function viberNumber(input: string, resellerPhone: string): string {
  const own = parsePhone(resellerPhone);
  const p = parsePhone(input, own.ok && own.country ? own.country : DEFAULT_COUNTRY);
  if (!p.ok) throw fieldError('support_viber', p.message);
  return p.e164;
}

/** The brand for a request's Host (`<sub>.<base domain>` or `<sub>.localhost`), or null on the platform's own host. */
export async function brandFromRequestHost(db: Db, host: string | null): Promise<PublicBrand | null> {
  const sub = subdomainFromHost(host, (await getSettings(db)).base_domain);
  return sub ? brandForSubdomain(db, sub) : null;
}

/** The brand of an active reseller by subdomain, or null: login pages on unknown subdomains show the platform. */
export async function brandForSubdomain(db: Db, subdomain: string): Promise<PublicBrand | null> {
  const [r] = await db
    .select({ r: resellers, name: users.name, status: users.status })
    .from(resellers)
    .innerJoin(users, eq(users.id, resellers.id))
    .where(and(eq(resellers.subdomain, subdomain.toLowerCase()), isNull(resellers.archivedAt)));
  if (!r) return null;
  return brandView(r.r, r.name);
}

export async function brandForReseller(db: Db, resellerId: number): Promise<PublicBrand | null> {
  const [r] = await db
    .select({ r: resellers, name: users.name })
    .from(resellers)
    .innerJoin(users, eq(users.id, resellers.id))
    .where(eq(resellers.id, resellerId));
  return r ? brandView(r.r, r.name) : null;
}

/** The brand a client lives under: its reseller's. */
export async function brandForClient(db: Db, clientId: number): Promise<PublicBrand | null> {
  const [c] = await db.select({ resellerId: clients.resellerId }).from(clients).where(eq(clients.id, clientId));
  return c ? brandForReseller(db, c.resellerId) : null;
}

function brandView(r: Row, companyName: string): PublicBrand {
  return {
    reseller_id: r.id,
    subdomain: r.subdomain,
    name: r.brandName || companyName,
    color: r.brandColor,
    logo_url: logoUrlOf(r),
    support_email: r.supportEmail,
    support_phone: r.supportPhone,
    support_viber: r.supportViber,
    support_telegram: r.supportTelegram,
  };
}

/** The stored logo bytes for /brand/<subdomain>/logo. */
export async function logoForSubdomain(db: Db, subdomain: string): Promise<{ type: string; bytes: Buffer } | null> {
  const [r] = await db
    .select({ data: resellers.logoData, type: resellers.logoType })
    .from(resellers)
    .where(eq(resellers.subdomain, subdomain.toLowerCase()));
  if (!r?.data || !r.type) return null;
  return { type: r.type, bytes: Buffer.from(r.data, 'base64') };
}
