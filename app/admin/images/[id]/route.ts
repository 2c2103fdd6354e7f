// GET /admin/images/:id — a payment QR code or slip for the signed-in admin's pages (lib/services/images.ts)
import { portal } from '@/lib/http/families';
import { getImage, imageResponse } from '@/lib/services/images';

export const dynamic = 'force-dynamic';

export const GET = portal(
  { summary: 'A payment QR code or slip image', auth: 'admin', response: null, contentType: 'image/png, image/jpeg', hidden: true },
  async ({ db, actor, id }) => imageResponse(await getImage(db, actor, id)),
);
