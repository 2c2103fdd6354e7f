// Which parts of the message catalogue travel to the browser (issue 12). Server components translate on the
// server; only client components need messages in the page's RSC payload, and each portal layout hands its
// own client components just the namespaces they read (the whole English catalogue was ~64 KB, the Burmese
// ~150 KB, in every page). tests/i18n-client-messages.test.ts walks the import graph from each segment to its
// client components and fails when one of them reads a namespace missing here (or a path here is unused).
import type { AbstractIntlMessages } from 'next-intl';

/** Dotted catalogue paths per layout: `root` is app/layout.tsx (pages outside the portals, the footer, app/error.tsx). */
export const CLIENT_MESSAGES = {
  root: ['common', 'errorPage', 'language', 'login', 'reset', 'status'],
  admin: [
    'admin.deleteReseller',
    'admin.resellerForm',
    'admin.subdomain',
    'admin.topups',
    'common',
    'list',
    'payments',
    'status',
    'statusSwitch',
  ],
  reseller: [
    'activation',
    'common',
    'confirmAction',
    'language.choice',
    'list',
    'payments',
    'reseller.api',
    'reseller.branding',
    'reseller.brandingForm',
    'reseller.pricing',
    'status',
    'support',
    'suspend',
  ],
  client: [
    'client.api',
    'client.campaigns.builder',
    'client.contacts',
    'client.devices',
    'client.gateway',
    'client.send',
    'client.smpp',
    'client.webhooks',
    'common',
    'list',
    'status',
    'zawgyi',
  ],
} as const satisfies Record<string, readonly string[]>;

export type ClientMessagesScope = keyof typeof CLIENT_MESSAGES;

const picked = new WeakMap<AbstractIntlMessages, Map<string, AbstractIntlMessages>>();

/** The catalogue cut down to the given dotted paths (kept nested, so `useTranslations('a.b')` finds them). */
export function pickMessages(messages: AbstractIntlMessages, scope: ClientMessagesScope): AbstractIntlMessages {
  let byScope = picked.get(messages);
  if (!byScope) picked.set(messages, (byScope = new Map()));
  const hit = byScope.get(scope);
  if (hit) return hit;
  const out: AbstractIntlMessages = {};
  for (const path of CLIENT_MESSAGES[scope]) {
    const parts = path.split('.');
    let from: AbstractIntlMessages | string | undefined = messages;
    let to = out;
    for (let i = 0; i < parts.length && from !== undefined; i++) {
      from = typeof from === 'object' ? from[parts[i]] : undefined;
      if (from === undefined) break;
      if (i === parts.length - 1) to[parts[i]] = from;
      else {
        const next = to[parts[i]];
        to = (to[parts[i]] = typeof next === 'object' ? next : {}) as AbstractIntlMessages;
      }
    }
  }
  byScope.set(scope, out);
  return out;
}
