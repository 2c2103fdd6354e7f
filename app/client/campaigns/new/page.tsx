import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CampaignBuilder } from '@/components/client/campaign-builder';
import { Card, PageHeader } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { listGroups } from '@/lib/services/contact-groups';
import { listContacts } from '@/lib/services/contacts';
import { listDevices } from '@/lib/services/devices';
import { listTemplates } from '@/lib/services/templates';
import { createCampaignAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('client.campaigns'))('new') };
}

export default async function NewCampaignPage() {
  const { db, actor } = await requireRole('client');
  const [t, groups, templates, devices, first] = await Promise.all([
    getTranslations('client.campaigns'),
    listGroups(db, actor),
    listTemplates(db, actor),
    listDevices(db, actor),
    listContacts(db, actor, { page: 1, limit: 1 }),
  ]);
  // The preview renders for a real contact: the newest one with fields, else the newest.
  const c = first.data[0];
  return (
    <>
      <PageHeader title={t('new')} subtitle={t('newSubtitle')} />
      <Card>
        <CampaignBuilder
          action={createCampaignAction}
          groups={groups.map((g) => ({ id: g.id, name: g.name, contacts: g.contacts }))}
          templates={templates.map((x) => ({ id: x.id, name: x.name, text: x.text }))}
          devices={devices.filter((d) => d.enabled).map((d) => ({ id: d.id, name: d.name }))}
          sample={c ? { name: c.name, phone: c.phone, fields: c.fields } : null}
        />
      </Card>
    </>
  );
}
