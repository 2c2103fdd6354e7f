import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ConfirmAction } from '@/components/client/confirm-action';
import { ContactForm } from '@/components/client/contact-form';
import { Card, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { displayPhone } from '@/lib/phone';
import { listGroups } from '@/lib/services/contact-groups';
import { getContact } from '@/lib/services/contacts';
import { clientPhoneCountry } from '@/lib/services/recipients';
import { idParam } from '@/lib/validation/common';
import { deleteContactAction, updateContactAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('client.contacts'))('editTitle') };
}

export default async function ContactPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, actor } = await requireRole('client');
  const t = await getTranslations('client.contacts');
  const id = idParam.safeParse((await params).id);
  if (!id.success) notFound();
  const contact = await getContact(db, actor, id.data).catch(() => null);
  if (!contact) notFound();
  const [groups, country] = await Promise.all([listGroups(db, actor), clientPhoneCountry(db, actor.userId)]);
  return (
    <>
      <PageHeader
        title={contact.name || displayPhone(contact.phone, country)}
        subtitle={displayPhone(contact.phone, country)}
        actions={
          <Link href="/client/contacts" className="text-sm text-brand-700 hover:underline">
            {t('back')}
          </Link>
        }
      />
      <Card title={t('editTitle')} className="max-w-2xl">
        <ContactForm
          action={updateContactAction}
          groups={groups}
          testId="contact-edit"
          initial={{
            id: contact.id,
            phone: displayPhone(contact.phone, country),
            name: contact.name ?? '',
            fields: Object.entries(contact.fields)
              .map(([k, v]) => `${k}: ${v}`)
              .join('\n'),
            groups: contact.groups.map((g) => g.id),
          }}
        />
        <div className="mt-6 flex justify-end border-t border-slate-100 pt-4">
          <ConfirmAction
            action={deleteContactAction}
            fields={{ id: String(contact.id) }}
            label={t('delete')}
            question={t('deleteQuestion')}
            testId="contact-delete"
          />
        </div>
      </Card>
    </>
  );
}
