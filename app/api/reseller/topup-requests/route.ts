// GET|POST /api/reseller/topup-requests
import { withApi } from '@/lib/http/api';
import { fileTopupRequest, listTopupRequests } from '@/lib/services/topups';
import { listTopupsQuery, topupRequestInput } from '@/lib/validation/credit';

export const GET = withApi({ auth: 'reseller', query: listTopupsQuery }, ({ db, actor, query }) => listTopupRequests(db, actor, query));

export const POST = withApi({ auth: 'reseller', body: topupRequestInput, status: 201, idempotent: true }, ({ db, actor, body }) =>
  fileTopupRequest(db, actor, body),
);
