'use server';
import { changePasswordFormAction } from '@/lib/http/password-action';

/** Changes the client's password; every other session ends (lib/http/password-action.ts). */
export const changePasswordAction = changePasswordFormAction('client', '/client/account');
