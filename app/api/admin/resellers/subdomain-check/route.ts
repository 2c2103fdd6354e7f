// GET /api/admin/resellers/subdomain-check?subdomain=acme[&except=<reseller id>] — live form validation
import { api } from '@/lib/http/families';
import { checkSubdomain } from '@/lib/services/resellers';
import { subdomainCheckQuery } from '@/lib/validation/resellers';
import { subdomainCheck } from '@/lib/validation/responses/accounts';

export const GET = api(
  { summary: 'Is a login subdomain valid and free?', auth: 'admin', query: subdomainCheckQuery, response: subdomainCheck },
  ({ db, actor, query }) => checkSubdomain(db, actor, query.subdomain, query.except),
);
