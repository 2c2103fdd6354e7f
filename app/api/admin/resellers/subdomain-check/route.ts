// GET /api/admin/resellers/subdomain-check?subdomain=acme[&except=<reseller id>] — live form validation
import { withApi } from '@/lib/http/api';
import { checkSubdomain } from '@/lib/services/resellers';
import { subdomainCheckQuery } from '@/lib/validation/resellers';

export const GET = withApi({ auth: 'admin', query: subdomainCheckQuery }, ({ db, actor, query }) =>
  checkSubdomain(db, actor, query.subdomain, query.except),
);
