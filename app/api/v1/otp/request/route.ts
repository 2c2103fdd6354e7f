// POST /api/v1/otp/request {phone} — sends a 6-digit code (counts against the quota)
import { api } from '@/lib/http/families';
import { requestOtp } from '@/lib/services/otp';
import { otpRequestInput } from '@/lib/validation/gateway';
import { otpRequested } from '@/lib/validation/responses/messaging';

export const POST = api(
  {
    summary: 'Send a 6-digit code (valid 5 minutes)',
    auth: 'client',
    body: otpRequestInput,
    status: 202,
    idempotent: true,
    response: otpRequested,
    errors: [403, 429],
  },
  ({ db, actor, body }) => requestOtp(db, actor, body.phone),
);
