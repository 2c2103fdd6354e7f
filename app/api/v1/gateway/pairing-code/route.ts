// POST /api/v1/gateway/pairing-code → 201 {code, valid_until}: a one-time code for "Authorization: Code <code>"
import { assertCan } from '@/lib/auth/permissions';
import { withApi } from '@/lib/http/api';
import { issuePairingCode } from '@/lib/services/gateway-credentials';

export const POST = withApi({ auth: 'client', status: 201 }, ({ db, actor }) => {
  assertCan(actor, 'device.manage');
  return issuePairingCode(db, actor.userId);
});
