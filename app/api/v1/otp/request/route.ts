// POST /api/v1/otp/request {phone} — sends a 6-digit code (counts against the quota)
import { withApi } from '@/lib/http/api';
import { requestOtp } from '@/lib/services/otp';
import { otpRequestInput } from '@/lib/validation/gateway';

export const POST = withApi({ auth: 'client', body: otpRequestInput, status: 202, idempotent: true }, ({ db, actor, body }) =>
  requestOtp(db, actor, body.phone),
);
