// GET /api/reseller/packages — the catalog with this reseller's retail prices, display names and profit
import { api } from '@/lib/http/families';
import { listResellerPackages } from '@/lib/services/pricing';
import { resellerPackageView } from '@/lib/validation/responses/billing';
import { listOf } from '@/lib/validation/responses/common';

export const GET = api(
  { summary: 'The catalog with your retail prices', auth: 'reseller', response: listOf(resellerPackageView) },
  async ({ db, actor }) => ({ data: await listResellerPackages(db, actor) }),
);
