// POST /api/reseller/clients/:id/extend-trial {days: 1-30}
import { withApi } from '@/lib/http/api';
import { extendTrial } from '@/lib/services/trial-renewal';
import { extendTrialInput } from '@/lib/validation/clients';

export const POST = withApi({ auth: 'reseller', body: extendTrialInput }, ({ db, actor, id, body }) =>
  extendTrial(db, actor, id, body.days),
);
