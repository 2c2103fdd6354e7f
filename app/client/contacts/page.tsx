import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/action-form';
import { ConfirmAction } from '@/components/client/confirm-action';
import { ContactForm } from '@/components/client/contact-form';
import { ContactImport } from '@/components/client/contact-import';
import { type Column, DataList } from '@/components/data-list';
import { Badge, buttonClass, Card, inputClass, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { compactParams, type RawSearchParams } from '@/lib/http/search-params';
import { displayPhone } from '@/lib/phone';
import { listGroups } from '@/lib/services/contact-groups';
import { type ContactView, listContacts } from '@/lib/services/contacts';
import { clientPhoneCountry } from '@/lib/services/recipients';
import { listContactsQuery } from '@/lib/validation/contacts';
import { createContactAction, createGroupAction, deleteGroupAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('client.contacts'))('title') };
}

export default async function ContactsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { db, actor } = await requireRole('client');
  const t = await getTranslations('client.contacts');
  const raw = compactParams(await searchParams);
  const parsed = listContactsQuery.safeParse(raw);
  const q = parsed.success ? parsed.data : listContactsQuery.parse({});
  const [page, groups, country] = await Promise.all([
    listContacts(db, actor, q),
    listGroups(db, actor),
    clientPhoneCountry(db, actor.userId),
  ]);
  const kept = parsed.success ? { search: raw.search, group_id: raw.group_id, limit: raw.limit } : {};
  const columns: Column<ContactView>[] = [
    {
      key: 'name',
      header: t('name'),
      label: false,
      cell: (c) => (
        <Link href={`/client/contacts/${c.id}`} className="font-medium text-brand-700 hover:underline" data-testid={`contact-link-${c.id}`}>
          {c.name || t('noName')}
        </Link>
      ),
    },
    {
      key: 'phone',
      header: t('phone'),
      cell: (c) => <span className="whitespace-nowrap tabular-nums">{displayPhone(c.phone, country)}</span>,
    },
    {
      key: 'groups',
      header: t('groups'),
      from: 'md',
      cell: (c) => (
        <div className="flex flex-wrap gap-1">
          {c.groups.map((g) => (
            <Badge key={g.id}>{g.name}</Badge>
          ))}
        </div>
      ),
    },
    {
      key: 'fields',
      header: t('fields'),
      from: 'lg',
      cell: (c) => (
        <span className="text-xs text-slate-600">
          {Object.entries(c.fields)
            .map(([k, v]) => `${k}: ${v}`)
            .join(' · ')}
        </span>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <a href="/client/contacts/export.csv" className={buttonClass('secondary')} data-testid="contacts-export">
            {t('import.export')}
          </a>
        }
      />
      <div className="grid gap-5 [&>*]:min-w-0 lg:grid-cols-3">
        <Card title={t('listTitle', { count: page.pagination.total })} className="lg:col-span-2">
          <DataList
            testId="contacts"
            caption={t('title')}
            rows={page.data}
            columns={columns}
            rowKey={(c) => c.id}
            rowTestId={(c) => `contact-row-${c.id}`}
            empty={{ title: q.search || q.group_id ? t('noMatch') : t('empty') }}
            page={page.pagination}
            nav={{ basePath: '/client/contacts', query: kept, pageSizes: [20, 50, 100] }}
            filters={
              <form
                method="get"
                action="/client/contacts"
                role="search"
                className="mb-4 flex flex-wrap gap-2"
                data-testid="contact-filters"
              >
                <input
                  type="search"
                  name="search"
                  defaultValue={raw.search}
                  placeholder={t('searchPlaceholder')}
                  aria-label={t('search')}
                  className={`${inputClass} min-w-0 flex-1`}
                />
                <select name="group_id" defaultValue={raw.group_id ?? ''} aria-label={t('groupFilter')} className={`${inputClass} w-auto`}>
                  <option value="">{t('allGroups')}</option>
                  {groups.map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.name}
                    </option>
                  ))}
                </select>
                <button type="submit" className={buttonClass('secondary')}>
                  {t('search')}
                </button>
              </form>
            }
          />
        </Card>
        <div className="space-y-5">
          <Card title={t('addTitle')}>
            <ContactForm action={createContactAction} groups={groups} testId="contact-add" />
          </Card>
          <Card title={t('import.title')}>
            <ContactImport groups={groups.map((g) => ({ id: g.id, name: g.name }))} />
          </Card>
          <Card title={t('groupsTitle')}>
            <ul className="mb-4 divide-y divide-slate-100 text-sm" data-testid="group-list">
              {groups.map((g) => (
                <li key={g.id} className="flex items-center justify-between gap-2 py-2" data-testid={`group-row-${g.id}`}>
                  <Link href={`/client/contacts?group_id=${g.id}`} className="min-w-0 truncate hover:underline">
                    {g.name} <span className="text-slate-500">({g.contacts})</span>
                  </Link>
                  <ConfirmAction
                    action={deleteGroupAction}
                    fields={{ id: String(g.id) }}
                    label={t('deleteGroup')}
                    question={t('deleteGroupQuestion')}
                    testId={`group-delete-${g.id}`}
                  />
                </li>
              ))}
            </ul>
            <ActionForm
              action={createGroupAction}
              fields={[{ name: 'name', label: t('groupName'), required: true }]}
              submitLabel={t('addGroup')}
              columns={1}
              testId="group-add"
              idPrefix="group-"
            />
          </Card>
        </div>
      </div>
    </>
  );
}
