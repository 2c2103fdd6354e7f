// GET /api/reseller/packages
import { withApi } from '@/lib/http/api';
import { listPackages } from '@/lib/services/packages';

export const GET = withApi({ auth: 'reseller' }, async ({ db, actor }) => ({ data: await listPackages(db, actor) }));
