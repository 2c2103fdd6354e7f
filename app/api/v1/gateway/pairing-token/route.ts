// POST /api/v1/gateway/pairing-token → 201 {token}: registers phones only (Bearer on POST /api/mobile/v1/device)
import { withApi } from '@/lib/http/api';
import { issuePairingToken } from '@/lib/services/gateway-credentials';

export const POST = withApi({ auth: 'client', status: 201 }, ({ db, actor }) => issuePairingToken(db, actor));
