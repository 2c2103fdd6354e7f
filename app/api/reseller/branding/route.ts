// GET|PATCH /api/reseller/branding  {subdomain, brand_name, color, logo_url (data: URL or null), support_email, support_phone,
// support_viber (a phone number), support_telegram (a username or t.me link)}
import { api } from '@/lib/http/families';
import { getBranding, updateBranding } from '@/lib/services/branding';
import { updateBrandingInput } from '@/lib/validation/branding';
import { brandingView } from '@/lib/validation/responses/accounts';

export const GET = api({ summary: 'Subdomain and brand', auth: 'reseller', response: brandingView }, ({ db, actor }) =>
  getBranding(db, actor),
);

export const PATCH = api(
  {
    summary: 'Change subdomain and brand (logo as a data: URL)',
    auth: 'reseller',
    body: updateBrandingInput,
    response: brandingView,
    errors: [409],
  },
  ({ db, actor, body }) => updateBranding(db, actor, body),
);
