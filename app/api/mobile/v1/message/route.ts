// GET|PATCH /api/mobile/v1/message — the device pulls its work and reports per-recipient states

import { z } from 'zod';
import { mobile } from '@/lib/http/families';
import { mobileMessage } from '@/lib/http/mobile';
import { pullMessages, reportStates } from '@/lib/services/device-queue';
import { patchMessagesBody, pullQuery } from '@/lib/validation/mobile';
import { appMessage } from '@/lib/validation/responses/gateway-app';

export const GET = mobile(
  { summary: 'Pull pending messages (claimed for this device)', auth: 'device', query: pullQuery, response: z.array(appMessage) },
  async ({ db, device, query }) => (await pullMessages(db, device, query.order)).map((m) => mobileMessage(m)),
);

export const PATCH = mobile(
  { summary: 'Report per-recipient states', auth: 'device', body: patchMessagesBody, status: 204, response: null },
  async ({ db, device, body }) => {
    await reportStates(db, device, body);
    return null;
  },
);
