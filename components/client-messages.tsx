// The next-intl provider of a layout with only the namespaces its client components read (issue 12; the lists
// and why: lib/i18n/client-messages.ts). Server components keep translating from the whole catalogue.
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { type ClientMessagesScope, pickMessages } from '@/lib/i18n/client-messages';

export async function ClientMessages({ scope, children }: { scope: ClientMessagesScope; children: React.ReactNode }) {
  return <NextIntlClientProvider messages={pickMessages(await getMessages(), scope)}>{children}</NextIntlClientProvider>;
}
