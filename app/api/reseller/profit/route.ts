// GET /api/reseller/profit?month=YYYY-MM — profit from actual activations
import { withApi } from '@/lib/http/api';
import { profitReport } from '@/lib/services/pricing';
import { profitQuery } from '@/lib/validation/branding';

export const GET = withApi({ auth: 'reseller', query: profitQuery }, ({ db, actor, query }) => profitReport(db, actor, query.month));
