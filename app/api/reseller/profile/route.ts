// GET /api/reseller/profile
import { withApi } from '@/lib/http/api';
import { resellerProfile } from '@/lib/services/resellers';

export const GET = withApi({ auth: 'reseller' }, ({ db, actor }) => resellerProfile(db, actor));
