// POST /api/v1/otp/verify {phone, code} → {verified, attempts_left}; expired, used or out of attempts → 400 otp_invalid
import { withApi } from '@/lib/http/api';
import { verifyOtp } from '@/lib/services/otp';
import { otpVerifyInput } from '@/lib/validation/gateway';

export const POST = withApi({ auth: 'client', body: otpVerifyInput }, ({ db, actor, body }) => verifyOtp(db, actor, body.phone, body.code));
