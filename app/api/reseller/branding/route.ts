// GET|PATCH /api/reseller/branding  {subdomain, brand_name, color, logo_url (data: URL or null), support_email, support_phone}
import { withApi } from '@/lib/http/api';
import { getBranding, updateBranding } from '@/lib/services/branding';
import { updateBrandingInput } from '@/lib/validation/branding';

export const GET = withApi({ auth: 'reseller' }, ({ db, actor }) => getBranding(db, actor));

export const PATCH = withApi({ auth: 'reseller', body: updateBrandingInput }, ({ db, actor, body }) => updateBranding(db, actor, body));
