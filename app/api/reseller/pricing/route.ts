// PUT /api/reseller/pricing  {package_type, retail_price, display_name?} — own-plans resellers only
import { withApi } from '@/lib/http/api';
import { setRetailPrice } from '@/lib/services/pricing';
import { retailPriceInput } from '@/lib/validation/branding';

export const PUT = withApi({ auth: 'reseller', body: retailPriceInput }, ({ db, actor, body }) => setRetailPrice(db, actor, body));
