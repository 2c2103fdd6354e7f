// GET /api/admin/images/:id — a payment account's QR code or a payment slip (PNG/JPEG), to whom may see it
import { api } from '@/lib/http/families';
import { getImage, imageResponse } from '@/lib/services/images';

export const GET = api(
  { summary: 'A payment QR code or slip image (PNG or JPEG)', auth: 'admin', response: null, contentType: 'image/png, image/jpeg' },
  async ({ db, actor, id }) => imageResponse(await getImage(db, actor, id)),
);
