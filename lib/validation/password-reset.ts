import { z } from 'zod';
import { email, password } from './common';

export const forgotPasswordInput = z.object({ email, channel: z.enum(['email', 'sms']).default('email') });
export const resetByTokenInput = z.object({ token: z.string().min(20).max(200), password });
export const resetByCodeInput = z.object({
  email,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'The 6-digit code from the SMS.'),
  password,
});
