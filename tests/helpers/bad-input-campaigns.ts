// The bad-input world's messaging-product targets (templates, campaigns): one of each per tenant, the
// campaign scheduled a day ahead so that nothing sends it while the suite runs.
import type { Db } from '@/db';
import type { Actor } from '@/lib/auth/permissions';
import { createCampaign } from '@/lib/services/campaigns';
import { createTemplate } from '@/lib/services/templates';

export interface CampaignTargets {
  templateId: number;
  campaignId: number;
}

export async function seedCampaignTargets(db: Db, actor: Actor, groupId: number, secret: string): Promise<CampaignTargets> {
  const template = await createTemplate(db, actor, { name: `template-${secret}`, text: `Hi {{name}} ${secret}` });
  const at = new Date(Date.now() + 86_400_000);
  const campaign = await createCampaign(
    db,
    actor,
    { name: `campaign-${secret}`, message: `Hi ${secret}`, group_ids: [groupId], scheduled_at: at },
    'api',
  );
  return { templateId: template.id, campaignId: campaign.id };
}
