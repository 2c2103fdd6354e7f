// How campaigns read to the client: state, figures and per-state counts of their recipients' messages.
import 'server-only';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db';
import type { CampaignSkipped, CampaignState } from '@/db/schema';
import type { CampaignRow } from './campaign-dispatch';
import { pgArray } from './usage';

export interface CampaignCounts {
  queued: number;
  sent: number;
  delivered: number;
  failed: number;
  expired: number;
  cancelled: number;
  skipped: number;
}

export interface CampaignView {
  id: number;
  name: string;
  state: CampaignState;
  reason: Record<string, unknown> | null;
  text: string;
  template_id: number | null;
  device_id: string | null;
  recipients: number;
  skipped: CampaignSkipped;
  counts: CampaignCounts;
  scheduled_at: string | null;
  started_at: string | null;
  finished_at: string | null;
  created_at: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

async function countsOf(db: Db, rows: CampaignRow[]): Promise<Map<number, CampaignCounts>> {
  const out = new Map<number, CampaignCounts>();
  if (!rows.length) return out;
  const found = rowsOf<Record<string, number>>(
    await db.execute(sql`select r.campaign_id,
      count(*) filter (where r.state = 'waiting' or m.state in ('pending', 'processing', 'cancelling'))::int as queued,
      count(*) filter (where m.state = 'sent')::int as sent,
      count(*) filter (where m.state = 'delivered')::int as delivered,
      count(*) filter (where m.state in ('failed', 'unknown'))::int as failed,
      count(*) filter (where m.state = 'expired')::int as expired,
      count(*) filter (where r.state = 'cancelled' or m.state = 'cancelled')::int as cancelled
      from campaign_recipients r left join messages m on m.id = r.message_id
      where r.campaign_id = any(${pgArray(rows.map((c) => c.id))}::int[]) group by r.campaign_id`),
  );
  const byId = new Map(found.map((f) => [Number(f.campaign_id), f]));
  for (const c of rows) {
    const f = byId.get(c.id);
    const skipped = c.skipped.opted_out + c.skipped.duplicate + c.skipped.invalid;
    out.set(c.id, {
      queued: Number(f?.queued ?? 0),
      sent: Number(f?.sent ?? 0),
      delivered: Number(f?.delivered ?? 0),
      failed: Number(f?.failed ?? 0),
      expired: Number(f?.expired ?? 0),
      cancelled: Number(f?.cancelled ?? 0),
      skipped,
    });
  }
  return out;
}

function freshCounts(rows: CampaignRow[]): Map<number, CampaignCounts> {
  const out = new Map<number, CampaignCounts>();
  for (const c of rows) {
    const skipped = c.skipped.opted_out + c.skipped.duplicate + c.skipped.invalid;
    out.set(c.id, { queued: c.recipientCount, sent: 0, delivered: 0, failed: 0, expired: 0, cancelled: 0, skipped });
  }
  return out;
}

/**
 * The views of campaign rows. `fresh`: campaigns this request created, whose recipients are all still
 * queued (waiting, or pending for a phone): their counts are known without reading the recipients.
 */
export async function views(db: Db, rows: CampaignRow[], opts: { fresh?: boolean } = {}): Promise<CampaignView[]> {
  const counts = opts.fresh ? freshCounts(rows) : await countsOf(db, rows);
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    state: c.state,
    reason: c.reason ?? null,
    text: c.text,
    template_id: c.templateId,
    device_id: c.deviceId,
    recipients: c.recipientCount,
    skipped: c.skipped,
    counts: counts.get(c.id) as CampaignCounts,
    scheduled_at: iso(c.scheduledAt),
    started_at: iso(c.startedAt),
    finished_at: iso(c.finishedAt),
    created_at: c.createdAt.toISOString(),
  }));
}
