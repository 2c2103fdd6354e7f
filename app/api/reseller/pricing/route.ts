// PUT /api/reseller/pricing  {package_type, retail_price, display_name?, allow_below_cost?} — own-plans resellers only;
// a price below the platform's cost is 409 below_cost unless allow_below_cost is true
import { api } from '@/lib/http/families';
import { setRetailPrice } from '@/lib/services/pricing';
import { retailPriceInput } from '@/lib/validation/branding';
import { resellerPackageView } from '@/lib/validation/responses/billing';

export const PUT = api(
  {
    summary: 'Set a retail price and display name (own-plans resellers)',
    auth: 'reseller',
    body: retailPriceInput,
    response: resellerPackageView,
    errors: [403, 409],
  },
  ({ db, actor, body }) => setRetailPrice(db, actor, body),
);
