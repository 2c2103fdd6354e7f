'use server';
import { paymentAccountActions } from '@/lib/http/payment-account-actions';

const actions = paymentAccountActions('admin', '/admin/payment-accounts');

export const createPaymentAccountAction = actions.create;
export const updatePaymentAccountAction = actions.update;
