// POST /api/v1/otp/verify {phone, code} → {verified, attempts_left}; expired, used or out of attempts → 400 otp_invalid
import { api } from '@/lib/http/families';
import { verifyOtp } from '@/lib/services/otp';
import { otpVerifyInput } from '@/lib/validation/gateway';
import { otpVerified } from '@/lib/validation/responses/messaging';

export const POST = api(
  { summary: 'Check a code: {verified, attempts_left}; 3 attempts', auth: 'client', body: otpVerifyInput, response: otpVerified },
  ({ db, actor, body }) => verifyOtp(db, actor, body.phone, body.code),
);
