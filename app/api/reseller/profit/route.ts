// GET /api/reseller/profit?month=YYYY-MM — profit from actual activations
import { api } from '@/lib/http/families';
import { profitReport } from '@/lib/services/pricing';
import { profitQuery } from '@/lib/validation/branding';
import { profitReportView } from '@/lib/validation/responses/billing';

export const GET = api(
  { summary: 'Monthly profit from actual activations', auth: 'reseller', query: profitQuery, response: profitReportView },
  ({ db, actor, query }) => profitReport(db, actor, query.month),
);
