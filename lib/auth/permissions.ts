// The one permission table: services check it, route and action wrappers read it.
import { DomainError } from '@/lib/errors';

export type Role = 'admin' | 'reseller' | 'client';

export interface Actor {
  userId: number;
  role: Role;
  ip?: string | null;
}

const PERMISSIONS = {
  'reseller.create': ['admin'],
  'reseller.read': ['admin'],
  'reseller.update': ['admin'],
  'reseller.credit': ['admin'],
  'reseller.profile': ['reseller'],
  'ledger.read': ['admin', 'reseller'],
  'client.create': ['reseller'],
  'client.read': ['admin', 'reseller'],
  'client.update': ['admin', 'reseller'],
  'client.suspend': ['admin', 'reseller'],
  'client.activate': ['admin', 'reseller', 'client'],
  'client.self': ['client'],
  'package.read': ['admin', 'reseller', 'client'],
  'package.manage': ['admin'],
  'topup.file': ['reseller'],
  'topup.read': ['admin', 'reseller'],
  'topup.decide': ['admin'],
  // The platform's payment accounts (admin) and a reseller's own (docs/payments.md).
  'payment_account.manage': ['admin', 'reseller'],
  'payment_account.read': ['admin', 'reseller', 'client'],
  'reseller.delete': ['admin'],
  'commission.settle': ['admin'],
  'stats.read': ['admin'],
  'audit.read': ['admin'],
  'settings.manage': ['admin'],
  'admin.manage': ['admin'],
  'client.transfer': ['reseller'],
  'apikey.manage': ['reseller', 'client'],
  'branding.manage': ['reseller'],
  'pricing.manage': ['reseller'],
  'sms.send': ['client'],
  'sms.read': ['admin', 'reseller', 'client'],
  'device.manage': ['client'],
  'webhook.manage': ['client'],
  'smpp.manage': ['client'],
  'contact.manage': ['client'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(actor: Pick<Actor, 'role'>, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(actor.role);
}

export function assertCan(actor: Pick<Actor, 'role'>, permission: Permission): void {
  if (!can(actor, permission)) {
    throw new DomainError('forbidden', 'You are not allowed to do this.');
  }
}
