'use server';
import { paymentAccountActions } from '@/lib/http/payment-account-actions';

const actions = paymentAccountActions('reseller', '/reseller/payment-accounts');

export const createPaymentAccountAction = actions.create;
export const updatePaymentAccountAction = actions.update;
