// The ClickSend-compatible API's `data` (inside its envelope, lib/http/pipeline/formatters.ts).
import { z } from 'zod';
import { CLIENT_STATUSES } from '../clients';
import { clientPackage, usageView } from './accounts';
import { instant, obj } from './common';

export const clicksendAccount = obj({
  user_id: z.number().int(),
  username: z.string(),
  user_email: z.string(),
  active: z.number().int(),
  banned: z.number().int(),
  balance: z.string(),
  user_phone: z.string().nullable(),
  user_first_name: z.string(),
  user_last_name: z.string(),
  account_name: z.string().nullable(),
  account_billing_email: z.string(),
  account_billing_mobile: z.string().nullable(),
  country: z.string().nullable(),
  default_country_sms: z.string().nullable(),
  timezone: z.string().nullable(),
  balance_commission: z.string(),
  _currency: obj({
    currency_name_short: z.string(),
    currency_prefix_d: z.string(),
    currency_prefix_c: z.string(),
    currency_name_long: z.string(),
  }),
  status: z.enum(CLIENT_STATUSES),
  trial_ends_at: instant,
  package: clientPackage,
  usage: usageView,
});

export const clicksendList = obj({
  total: z.number().int(),
  per_page: z.number().int(),
  current_page: z.number().int(),
  last_page: z.number().int(),
  next_page_url: z.string().nullable(),
  prev_page_url: z.string().nullable(),
  from: z.number().int().nullable(),
  to: z.number().int().nullable(),
  data: z.array(clicksendAccount),
});

export const clicksendTransfer = obj({
  user_id: z.number().int(),
  balance: z.string(),
  amount: z.string(),
  reseller_balance: z.string(),
  currency: z.string(),
});
