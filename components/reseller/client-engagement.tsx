// The reseller's client page: the client's campaigns, received SMS, opt-outs and keywords, and the keyword
// limit (0 = keywords off) it sets (docs/engagement.md).
import { getTranslations } from 'next-intl/server';
import { keywordLimitAction } from '@/app/reseller/clients/[id]/keyword-actions';
import { ActionForm } from '@/components/action-form';
import { Card, DetailList } from '@/components/ui';
import type { Db } from '@/db';
import type { Actor } from '@/lib/auth/permissions';
import { clientEngagement } from '@/lib/services/engagement-counts';

export async function ClientEngagement({ db, actor, clientId }: { db: Db; actor: Actor; clientId: number }) {
  const [e, t] = await Promise.all([clientEngagement(db, actor, clientId), getTranslations('reseller.engagement')]);
  return (
    <Card title={t('title')}>
      <div data-testid="client-engagement">
        <DetailList
          items={[
            [
              t('campaigns'),
              <span key="campaigns" data-testid="count-campaigns">
                {e.campaigns}
              </span>,
            ],
            [
              t('inbound'),
              <span key="inbound" data-testid="count-inbound">
                {e.inbound}
              </span>,
            ],
            [
              t('optedOut'),
              <span key="opted-out" data-testid="count-opted-out">
                {e.opted_out}
              </span>,
            ],
            [
              t('keywords'),
              <span key="keywords" data-testid="count-keywords">
                {t('keywordsOf', { used: e.keywords, limit: e.keyword_limit })}
              </span>,
            ],
          ]}
        />
      </div>
      <div className="mt-4">
        <ActionForm
          action={keywordLimitAction}
          testId="keyword-limit-form"
          columns={1}
          submitLabel={t('save')}
          fields={[
            { name: 'id', label: '', type: 'hidden', defaultValue: String(clientId) },
            {
              name: 'keyword_limit',
              label: t('limit'),
              type: 'number',
              inputMode: 'numeric',
              defaultValue: String(e.keyword_limit),
              hint: t('limitHint'),
            },
          ]}
        />
      </div>
    </Card>
  );
}
