import 'server-only';
import { and, eq, or, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { clients, paymentAccounts, storedImages, topupRequests } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { notFound } from '@/lib/errors';
import type { ImageUpload } from '@/lib/validation/payments';

/** Stores an upload (already checked by content: lib/validation/payments.ts) in the caller's transaction. */
export async function storeImage(tx: Db, img: ImageUpload): Promise<number> {
  const [row] = await tx.insert(storedImages).values({ contentType: img.contentType, bytes: img.bytes }).returning({ id: storedImages.id });
  return row.id;
}

/**
 * Who may see an image: a payment slip its reseller and the admin; a platform account's QR code the admin and
 * every reseller (enabled accounts); a reseller's own QR code that reseller, the admin, and its clients
 * (enabled accounts). Anything else is not found, the same as a missing id.
 */
function visibleTo(actor: Actor, id: number) {
  const slip = sql`exists (select 1 from ${topupRequests} t where t.slip_image_id = ${id}${
    actor.role === 'reseller' ? sql` and t.reseller_id = ${actor.userId}` : sql``
  })`;
  const qr = (cond: ReturnType<typeof sql>) => sql`exists (select 1 from ${paymentAccounts} a where a.qr_image_id = ${id} and ${cond})`;
  if (actor.role === 'admin') return or(slip, qr(sql`true`));
  if (actor.role === 'reseller') return or(slip, qr(sql`(a.reseller_id = ${actor.userId} or (a.reseller_id is null and a.enabled))`));
  return qr(sql`a.enabled and a.reseller_id = (select c.reseller_id from ${clients} c where c.id = ${actor.userId})`);
}

export async function getImage(db: Db, actor: Actor, id: number): Promise<{ contentType: string; bytes: Buffer }> {
  const [row] = await db
    .select({ contentType: storedImages.contentType, bytes: storedImages.bytes })
    .from(storedImages)
    .where(and(eq(storedImages.id, id), visibleTo(actor, id)));
  if (!row) throw notFound('Image');
  return row;
}

/** The answer for an image: its own type, never sniffed by the browser, private to who may see it. */
export function imageResponse(img: { contentType: string; bytes: Buffer }): Response {
  return new Response(new Uint8Array(img.bytes), {
    headers: {
      'Content-Type': img.contentType,
      'Content-Length': String(img.bytes.length),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, max-age=300',
      'Content-Disposition': 'inline',
    },
  });
}
