// GET /api/v1/smpp/binds → {data: [{id, mode, ip, system_type, tls, submitted, delivered, bound_at, last_seen_at}]}:
// the client's live SMPP binds on every instance
import { api } from '@/lib/http/families';
import { listBinds } from '@/lib/services/smpp/binds';
import { listOf } from '@/lib/validation/responses/common';
import { smppBindView } from '@/lib/validation/responses/smpp';

export const GET = api(
  { summary: 'Active SMPP binds on every instance', auth: 'client', response: listOf(smppBindView) },
  async ({ db, actor }) => ({ data: await listBinds(db, actor) }),
);
