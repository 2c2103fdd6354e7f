import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/action-form';
import { ConfirmAction } from '@/components/client/confirm-action';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { listTemplates } from '@/lib/services/templates';
import { createTemplateAction, deleteTemplateAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('client.templates'))('title') };
}

export default async function TemplatesPage() {
  const { db, actor } = await requireRole('client');
  const [t, templates] = await Promise.all([getTranslations('client.templates'), listTemplates(db, actor)]);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div className="grid gap-5 [&>*]:min-w-0 lg:grid-cols-3">
        <Card title={t('listTitle', { count: templates.length })} className="lg:col-span-2">
          {!templates.length && <EmptyState title={t('empty')} />}
          <ul className="divide-y divide-slate-100" data-testid="template-list">
            {templates.map((x) => (
              <li key={x.id} className="flex items-start justify-between gap-3 py-3" data-testid={`template-row-${x.id}`}>
                <div className="min-w-0">
                  <div className="font-medium">{x.name}</div>
                  <p className="whitespace-pre-wrap break-words text-sm text-slate-600">{x.text}</p>
                  <div className="mt-1 flex flex-wrap gap-1">
                    {x.placeholders.map((p) => (
                      <Badge key={p}>{p}</Badge>
                    ))}
                    <span className="text-xs text-slate-500">{t('segments', { count: x.length.segments })}</span>
                  </div>
                </div>
                <ConfirmAction
                  action={deleteTemplateAction}
                  fields={{ id: String(x.id) }}
                  label={t('delete')}
                  question={t('deleteQuestion')}
                  testId={`template-delete-${x.id}`}
                />
              </li>
            ))}
          </ul>
        </Card>
        <Card title={t('addTitle')}>
          <ActionForm
            action={createTemplateAction}
            fields={[
              { name: 'name', label: t('name'), required: true },
              { name: 'text', label: t('text'), type: 'textarea', required: true, hint: t('textHint') },
            ]}
            submitLabel={t('add')}
            columns={1}
            testId="template-add"
          />
        </Card>
      </div>
    </>
  );
}
