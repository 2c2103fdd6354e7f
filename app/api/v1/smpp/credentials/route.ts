// POST /api/v1/smpp/credentials → 201 {system_id, password, host, port, tls_port}: the password is shown once;
//   a new call replaces it (binds made with the old one are closed)
// GET /api/v1/smpp/credentials → the account without its password (allowed_ips, throughput, max_binds)
// PATCH /api/v1/smpp/credentials {allowed_ips} → limits binds to these IP ranges ([] = any address)
import { api } from '@/lib/http/families';
import { publicOrigin } from '@/lib/http/origin';
import { getSmppAccount, issueSmppCredentials, updateSmppAccount } from '@/lib/services/smpp/credentials';
import { hostOf, smppEndpoint } from '@/lib/smpp/config';
import { smppAccountView, smppCredentials } from '@/lib/validation/responses/smpp';
import { smppAccountUpdate } from '@/lib/validation/smpp';

const endpoint = (req: Request) => smppEndpoint(hostOf(publicOrigin(req)));

export const POST = api(
  {
    summary: 'New SMPP system_id and password (password shown once; replaces the old one)',
    auth: 'client',
    status: 201,
    response: smppCredentials,
  },
  ({ db, actor, req }) => issueSmppCredentials(db, actor, endpoint(req)),
);

export const GET = api(
  { summary: 'The SMPP account: host, port, IP ranges, limits', auth: 'client', response: smppAccountView },
  ({ db, actor, req }) => getSmppAccount(db, actor, endpoint(req)),
);

export const PATCH = api(
  { summary: 'Limit SMPP binds to IP ranges', auth: 'client', body: smppAccountUpdate, response: smppAccountView },
  ({ db, actor, req, body }) => updateSmppAccount(db, actor, body, endpoint(req)),
);
