// GET /api/3rdparty/v1/health — no auth; 200 pass or 503 fail with the database check (lib/http/health.ts)

import { thirdparty } from '@/lib/http/families';
import { healthAnswer } from '@/lib/http/health';
import { health } from '@/lib/validation/responses/gateway-app';

export const GET = thirdparty({ summary: 'Health (no auth)', auth: 'none', response: health, errors: [503] }, () => healthAnswer('full'));
