// POST /api/admin/resellers/:id/credit {amount, method?, reference?, note?, allow_duplicate_reference?} — 409
// duplicate_reference when the method and reference were already credited
import { api } from '@/lib/http/families';
import { creditReseller } from '@/lib/services/credit';
import { creditInput } from '@/lib/validation/credit';
import { creditResult } from '@/lib/validation/responses/billing';

export const POST = api(
  {
    summary: 'Top up (positive) or adjust (negative, with note) reseller credit',
    auth: 'admin',
    body: creditInput,
    status: 201,
    idempotent: true,
    response: creditResult,
    errors: [402, 409],
  },
  ({ db, actor, id, body }) => creditReseller(db, actor, id, body),
);
