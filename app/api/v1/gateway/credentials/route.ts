// POST /api/v1/gateway/credentials → 201 {login, password, mobile_api_url, third_party_api_url}; the password is shown once
import { withApi } from '@/lib/http/api';
import { publicOrigin } from '@/lib/http/origin';
import { issueGatewayCredentials } from '@/lib/services/gateway-credentials';

export const POST = withApi({ auth: 'client', status: 201 }, ({ db, actor, req }) => issueGatewayCredentials(db, actor, publicOrigin(req)));
