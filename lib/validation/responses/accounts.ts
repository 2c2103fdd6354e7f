// What the account endpoints answer: admins, resellers, clients, sign-in, keys, settings, audit.
import { z } from 'zod';
import { CLIENT_STATUSES } from '../clients';
import { instant, nullableInstant, obj } from './common';

export const adminView = obj({
  id: z.number().int(),
  name: z.string(),
  email: z.string(),
  status: z.string(),
  last_login_at: nullableInstant,
  created_at: instant,
});

export const resellerView = obj({
  id: z.number().int(),
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  partner_type: z.enum(['own_plans', 'commission']),
  subdomain: z.string(),
  status: z.enum(['active', 'suspended', 'archived']),
  credit_balance: z.number().int(),
  commission_balance: z.number().int(),
  commission_rate: z.number(),
  website: z.string().nullable(),
  contact_name: z.string().nullable(),
  contact_email: z.string().nullable(),
  contact_phone: z.string().nullable(),
  clients_count: z.number().int().optional(),
  created_at: instant,
});

export const usageView = obj({
  today: z.number().int(),
  period: z.number().int(),
  daily_limit: z.number().int(),
  period_limit: z.number().int(),
  device_limit: z.number().int(),
});

export const clientPackage = obj({ package_type: z.string(), name: z.string(), starts_at: instant, ends_at: instant }).nullable();

export const clientView = obj({
  id: z.number().int(),
  reseller_id: z.number().int(),
  reseller_name: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  account_name: z.string().nullable(),
  country: z.string().nullable(),
  time_zone: z.string().nullable(),
  status: z.enum(CLIENT_STATUSES),
  trial_ends_at: instant,
  package: clientPackage,
  paid_until: nullableInstant,
  expires_at: nullableInstant,
  usage: usageView,
  credit_balance: z.number().int(),
  auto_renew: z.boolean(),
  created_at: instant,
});

const token = { token: z.string(), token_type: z.literal('Bearer'), expires_at: instant };
export const adminLogin = obj({ ...token, admin: obj({ id: z.number().int(), name: z.string(), email: z.string() }) });
export const resellerLogin = obj({ ...token, reseller: resellerView });
export const clientLogin = obj({ ...token, client: clientView });

export const apiKeyView = obj({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  last_used_at: nullableInstant,
  revoked_at: nullableInstant,
  created_at: instant,
});
export const apiKeyCreated = apiKeyView.extend({ key: z.string() });

export const auditView = obj({
  id: z.number().int(),
  actor_id: z.number().int().nullable(),
  actor_role: z.string(),
  actor_email: z.string().nullable(),
  actor_name: z.string().nullable(),
  action: z.string(),
  target_type: z.string(),
  target_id: z.string().nullable(),
  target_name: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
  created_at: instant,
});

export const settingsView = obj({
  platform_name: z.string(),
  base_domain: z.string(),
  default_trial_days: z.number().int(),
  trial_daily_limit: z.number().int(),
  trial_period_limit: z.number().int(),
  trial_device_limit: z.number().int(),
  currency: z.string(),
  time_zone: z.string(),
  default_country: z.string(),
  large_topup_threshold: z.number().int(),
  default_language: z.enum(['en', 'my']),
  default_validity_minutes: z.number().int(),
  notice_sms_client_id: z.number().int().describe('The client account whose paired phones send SMS notices and reset codes (0: none).'),
  message_retention_months: z
    .number()
    .int()
    .describe("Months of messages kept besides the current one; older months' messages are dropped (1 to 120)."),
});

export const rateLimitView = obj({
  bucket: z.string(),
  count: z.number().int(),
  limit: z.number().int(),
  window_start: instant,
  blocked: z.boolean(),
});

export const brandingView = obj({
  subdomain: z.string(),
  brand_name: z.string().nullable(),
  color: z.string().nullable(),
  logo_url: z.string().nullable(),
  support_email: z.string().nullable(),
  support_phone: z.string().nullable(),
  support_viber: z.string().nullable(),
  support_telegram: z.string().nullable(),
  login_url: z.string(),
});

export const noticeSettingsView = obj({
  low_credit_threshold: z.number().int(),
  mail_from_name: z.string().nullable(),
  sms_sender_client_id: z.number().int().nullable(),
});

export const subdomainCheck = obj({ subdomain: z.string(), available: z.boolean(), reason: z.string().nullable() });

const day = obj({ day: z.string(), revenue: z.number().int(), activations: z.number().int(), sms: z.number().int() });
export const adminStatsView = obj({
  time_zone: z.string(),
  active_resellers: z.number().int(),
  clients: obj({
    trial: z.number().int(),
    active: z.number().int(),
    expired: z.number().int(),
    suspended: z.number().int(),
    total: z.number().int(),
  }),
  gateways_online: z.number().int(),
  sms_today: z.number().int(),
  sms_month: z.number().int(),
  credit_outstanding: z.number().int(),
  commission_outstanding: z.number().int(),
  revenue_month: z.number().int(),
  activations_month: z.number().int(),
  pending_topups: z.number().int(),
  series: z.array(day),
});
