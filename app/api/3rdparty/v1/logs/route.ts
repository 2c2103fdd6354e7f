// GET /api/3rdparty/v1/logs — a phone's logs stay on the phone (the app uploads none, and the app's own
// cloud server answers 501 here): an empty list, so the official clients' getLogs works.
import { z } from 'zod';
import { thirdparty } from '@/lib/http/families';
import { isoInstant } from '@/lib/validation/common';
import { logEntry } from '@/lib/validation/responses/gateway-app';

export const GET = thirdparty(
  {
    summary: 'Device logs (always empty: phones do not upload their logs)',
    auth: 'logs:read',
    query: z.object({ from: isoInstant().optional(), to: isoInstant().optional() }),
    response: z.array(logEntry),
    errors: [403],
  },
  async () => [],
);
