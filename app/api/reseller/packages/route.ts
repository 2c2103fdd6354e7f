// GET /api/reseller/packages — the catalog with this reseller's retail prices, display names and profit
import { withApi } from '@/lib/http/api';
import { listResellerPackages } from '@/lib/services/pricing';

export const GET = withApi({ auth: 'reseller' }, async ({ db, actor }) => ({ data: await listResellerPackages(db, actor) }));
