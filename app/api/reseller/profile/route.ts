// GET /api/reseller/profile
import { api } from '@/lib/http/families';
import { resellerProfile } from '@/lib/services/resellers';
import { resellerView } from '@/lib/validation/responses/accounts';

export const GET = api(
  { summary: 'The reseller with credit and commission balances', auth: 'reseller', response: resellerView },
  ({ db, actor }) => resellerProfile(db, actor),
);
