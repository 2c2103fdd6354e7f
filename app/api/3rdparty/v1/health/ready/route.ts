// GET /api/3rdparty/v1/health/ready — Readiness probe: the database answers (no auth; 503 when not)

import { thirdparty } from '@/lib/http/families';
import { healthAnswer } from '@/lib/http/health';
import { health } from '@/lib/validation/responses/gateway-app';

export const GET = thirdparty({ summary: 'Readiness probe: the database answers', auth: 'none', response: health, errors: [503] }, () =>
  healthAnswer('ready'),
);
