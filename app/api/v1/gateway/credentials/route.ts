// POST /api/v1/gateway/credentials → 201 {login, password, mobile_api_url, third_party_api_url}; the password is shown once
import { api } from '@/lib/http/families';
import { publicOrigin } from '@/lib/http/origin';
import { issueGatewayCredentials } from '@/lib/services/gateway-credentials';
import { gatewayCredentials } from '@/lib/validation/responses/messaging';

export const POST = api(
  {
    summary: 'New gateway login and password for the Android app (password shown once)',
    auth: 'client',
    status: 201,
    response: gatewayCredentials,
  },
  ({ db, actor, req }) => issueGatewayCredentials(db, actor, publicOrigin(req)),
);
