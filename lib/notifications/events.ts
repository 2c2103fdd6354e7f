// The events people hear about (issue 16, docs/notifications.md): who may receive each and on which channels
// by default. A user's own choice (notification_prefs) overrides the default per event and channel.
import type { Role } from '@/lib/auth/permissions';

export const CHANNELS = ['in_app', 'email', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

export const EVENTS = [
  'low_credit',
  'trial_ending',
  'period_ending',
  'client_expired',
  'usage_limit',
  'device_offline',
  'topup_requested',
  'topup_approved',
  'topup_rejected',
  'credit_added',
  'commission_settled',
] as const;
export type EventName = (typeof EVENTS)[number];

/** Default channels per role that hears the event (a role missing here never receives it). */
export const EVENT_DEFAULTS: Record<EventName, Partial<Record<Role, readonly Channel[]>>> = {
  low_credit: { reseller: ['in_app', 'email'] },
  trial_ending: { reseller: ['in_app', 'email'], client: ['in_app', 'email', 'sms'] },
  period_ending: { reseller: ['in_app', 'email'], client: ['in_app', 'email', 'sms'] },
  client_expired: { reseller: ['in_app', 'email'], client: ['in_app', 'email', 'sms'] },
  usage_limit: { client: ['in_app', 'email'] },
  device_offline: { client: ['in_app', 'email', 'sms'] },
  topup_requested: { admin: ['in_app', 'email'] },
  topup_approved: { reseller: ['in_app', 'email'] },
  topup_rejected: { reseller: ['in_app', 'email'] },
  credit_added: { reseller: ['in_app', 'email'] },
  commission_settled: { reseller: ['in_app', 'email'] },
};

/** The events a role can hear, in the catalog's order (the account page lists these). */
export const eventsFor = (role: Role): EventName[] => EVENTS.filter((e) => EVENT_DEFAULTS[e][role]);

export const isEvent = (v: unknown): v is EventName => typeof v === 'string' && (EVENTS as readonly string[]).includes(v);

export const defaultOn = (event: EventName, role: Role, channel: Channel): boolean =>
  EVENT_DEFAULTS[event][role]?.includes(channel) ?? false;
