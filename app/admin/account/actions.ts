'use server';
import { changePasswordFormAction } from '@/lib/http/password-action';

/** Changes the admin's password; every other session ends (lib/http/password-action.ts). */
export const changePasswordAction = changePasswordFormAction('admin', '/admin/account');
