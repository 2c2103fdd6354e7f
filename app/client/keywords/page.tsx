import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/action-form';
import { ConfirmAction } from '@/components/client/confirm-action';
import { Card, EmptyState, Notice, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { listGroups } from '@/lib/services/contact-groups';
import { listKeywords } from '@/lib/services/keywords';
import { createKeywordAction, deleteKeywordAction, updateKeywordAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('client.keywords'))('title') };
}

// Keywords (docs/engagement.md#keywords): an inbound SMS starting with one gets its auto-reply and may join
// a group; the reseller sets how many the client may have (0: off).
export default async function KeywordsPage() {
  const { db, actor } = await requireRole('client');
  const [t, { data: keywords, limit }, groups] = await Promise.all([
    getTranslations('client.keywords'),
    listKeywords(db, actor),
    listGroups(db, actor),
  ]);
  const groupOptions = [{ value: '', label: t('noGroup') }, ...groups.map((g) => ({ value: String(g.id), label: g.name }))];
  const fields = (k?: { keyword: string; reply: string | null; group_id: number | null }) => [
    { name: 'keyword', label: t('keyword'), required: true, defaultValue: k?.keyword },
    { name: 'reply', label: t('reply'), type: 'textarea' as const, hint: t('replyHint'), defaultValue: k?.reply ?? '' },
    {
      name: 'group_id',
      label: t('group'),
      type: 'select' as const,
      options: groupOptions,
      defaultValue: k?.group_id ? String(k.group_id) : '',
    },
  ];
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div className="mb-4" data-testid="keyword-limit">
        <Notice>{limit === 0 ? t('off') : t('limit', { used: keywords.length, limit })}</Notice>
      </div>
      <div className="grid gap-5 [&>*]:min-w-0 lg:grid-cols-3">
        <Card title={t('listTitle', { count: keywords.length })} className="lg:col-span-2">
          {!keywords.length && <EmptyState title={t('empty')} />}
          <ul className="divide-y divide-slate-100" data-testid="keyword-list">
            {keywords.map((k) => (
              <li key={k.id} className="space-y-2 py-3" data-testid={`keyword-row-${k.id}`}>
                <div className="flex items-start justify-between gap-3">
                  <div className="min-w-0">
                    <div className="font-medium">{k.keyword}</div>
                    <p className="whitespace-pre-wrap break-words text-sm text-slate-600">{k.reply ?? t('noReply')}</p>
                    <p className="text-xs text-slate-500">{groups.find((g) => g.id === k.group_id)?.name ?? t('noGroup')}</p>
                  </div>
                  <ConfirmAction
                    action={deleteKeywordAction}
                    fields={{ id: String(k.id) }}
                    label={t('delete')}
                    question={t('deleteQuestion')}
                    testId={`keyword-delete-${k.id}`}
                  />
                </div>
                <details>
                  <summary className="cursor-pointer text-sm text-slate-600">{t('edit')}</summary>
                  <ActionForm
                    action={updateKeywordAction}
                    fields={[{ name: 'id', label: '', type: 'hidden', defaultValue: String(k.id) }, ...fields(k)]}
                    submitLabel={t('save')}
                    columns={1}
                    testId={`keyword-edit-${k.id}`}
                    idPrefix={`kw${k.id}-`}
                  />
                </details>
              </li>
            ))}
          </ul>
        </Card>
        {limit > 0 && (
          <Card title={t('addTitle')}>
            <ActionForm
              action={createKeywordAction}
              fields={fields()}
              submitLabel={t('add')}
              columns={1}
              testId="keyword-add"
              idPrefix="kw-new-"
            />
          </Card>
        )}
      </div>
    </>
  );
}
