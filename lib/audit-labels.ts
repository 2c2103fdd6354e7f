// The audit log in words people read (issue 10 item 11): action labels, and before/after as the list of
// fields that changed. Shared by the audit page and its CSV export.

export const AUDIT_ACTION_LABEL: Record<string, string> = {
  'admin.create': 'Admin created',
  'admin.create_first': 'First admin created',
  'admin.create_from_env': 'Admin created at start-up',
  'admin.enable': 'Admin enabled',
  'admin.disable': 'Admin disabled',
  'api_key.create': 'API key created',
  'api_key.revoke': 'API key revoked',
  'client.create': 'Client created',
  'client.update': 'Client edited',
  'client.suspend': 'Client suspended',
  'client.unsuspend': 'Client unsuspended',
  'client.extend_trial': 'Trial extended',
  'client.activate_package': 'Package activated',
  'client.credit_transfer': 'Credit given to client',
  'client.credit_take_back': 'Credit taken back from client',
  'device.register': 'Phone registered',
  'device.update': 'Phone changed',
  'device.remove': 'Phone removed',
  'gateway.credentials_issue': 'Gateway login issued',
  'gateway.pairing_token_issue': 'Pairing token issued',
  'package.create': 'Package created',
  'package.update': 'Package edited',
  'reseller.create': 'Reseller created',
  'reseller.update': 'Reseller edited',
  'reseller.suspend': 'Reseller suspended',
  'reseller.unsuspend': 'Reseller reactivated',
  'reseller.delete': 'Reseller deleted',
  'reseller.credit_topup': 'Credit topped up',
  'reseller.credit_adjust': 'Credit deducted',
  'reseller.commission_payout': 'Commission paid out',
  'reseller.commission_convert': 'Commission turned into credit',
  'reseller.branding_update': 'Branding changed',
  'reseller.retail_price': 'Retail price set',
  'settings.update': 'Settings changed',
  'topup_request.create': 'Top-up requested',
  'topup_request.approve': 'Top-up request approved',
  'topup_request.reject': 'Top-up request rejected',
  'user.password_change': 'Password changed',
  'user.password_reset': 'Password reset (forgotten)',
  'webhook.create': 'Webhook added',
};

/** "client.activate_package" → "Package activated"; an action without a label reads as words. */
export function auditActionLabel(action: string): string {
  const known = AUDIT_ACTION_LABEL[action];
  if (known) return known;
  const words = action.replace(/[._]+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : action;
}

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

const show = (v: unknown): string => {
  if (v === undefined) return '';
  if (v === null) return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return v.toLocaleString('en-US');
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return JSON.stringify(v);
};

const asRecord = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

/**
 * The fields whose value differs between before and after (a creation lists what was set, a deletion what
 * was there). Values that are not objects are one change of the field "value".
 */
export function auditChanges(before: unknown, after: unknown): FieldChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  if (!b && !a) {
    if (before === null && after === null) return [];
    return [{ field: 'value', before: show(before), after: show(after) }];
  }
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  const out: FieldChange[] = [];
  for (const k of keys) {
    const bv = b?.[k];
    const av = a?.[k];
    if (b && a && !(k in a)) continue; // an update that did not touch this field
    if (JSON.stringify(bv) === JSON.stringify(av)) continue;
    out.push({ field: k, before: b ? show(bv) : '', after: a ? show(av) : '' });
  }
  return out;
}
