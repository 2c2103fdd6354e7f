'use server';
import { changePasswordFormAction } from '@/lib/http/password-action';

/** Changes the reseller's password; every other session ends (lib/http/password-action.ts). */
export const changePasswordAction = changePasswordFormAction('reseller', '/reseller/account');
