// A campaign's per-recipient report (docs/campaigns.md): each recipient's number, name, text, the phone it
// went through and its state now, paged for the portal and streamed as CSV.
import 'server-only';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db';
import type { Actor } from '@/lib/auth/permissions';
import { getCampaign } from './campaigns';
import { type Page, paginated } from './paging';

export interface RecipientReportRow {
  position: number;
  phone: string;
  name: string | null;
  text: string;
  state: string;
  device_id: string | null;
  error: string | null;
  updated_at: string | null;
}

/** The recipient's state as the client sees it: waiting, cancelled, skipped, or its message's state. */
const stateSql = sql`case when r.state = 'queued' then m.state else r.state end`;

async function rowsFrom(db: Db, campaignId: number, afterPosition: number, limit: number, state?: string): Promise<RecipientReportRow[]> {
  const rows = rowsOf<RecipientReportRow & { updated_at: string | Date | null }>(
    await db.execute(sql`select r.position, r.phone, r.name, r.text, ${stateSql} as state, r.device_id, m.error, m.updated_at
      from campaign_recipients r left join messages m on m.id = r.message_id
      where r.campaign_id = ${campaignId} and r.position > ${afterPosition}
        ${state ? sql`and ${stateSql} = ${state}` : sql``}
      order by r.position limit ${limit}`),
  );
  return rows.map((r) => ({ ...r, position: Number(r.position), updated_at: r.updated_at ? new Date(r.updated_at).toISOString() : null }));
}

export async function campaignRecipients(
  db: Db,
  actor: Actor,
  id: number,
  q: { page: number; limit: number; state?: string },
): Promise<Page<RecipientReportRow>> {
  await getCampaign(db, actor, id);
  const [{ n }] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from campaign_recipients r left join messages m on m.id = r.message_id
      where r.campaign_id = ${id} ${q.state ? sql`and ${stateSql} = ${q.state}` : sql``}`),
  );
  const rows = rowsOf<RecipientReportRow & { updated_at: string | Date | null }>(
    await db.execute(sql`select r.position, r.phone, r.name, r.text, ${stateSql} as state, r.device_id, m.error, m.updated_at
      from campaign_recipients r left join messages m on m.id = r.message_id
      where r.campaign_id = ${id} ${q.state ? sql`and ${stateSql} = ${q.state}` : sql``}
      order by r.position limit ${q.limit} offset ${(q.page - 1) * q.limit}`),
  ).map((r) => ({ ...r, position: Number(r.position), updated_at: r.updated_at ? new Date(r.updated_at).toISOString() : null }));
  return paginated(rows, q, n);
}

export const RECIPIENTS_CSV_HEADER = ['position', 'phone', 'name', 'state', 'device_id', 'error', 'updated_at', 'text'];

/** Every recipient in position order, 1,000 at a time (the CSV download). */
export async function* recipientBatches(db: Db, actor: Actor, id: number): AsyncGenerator<RecipientReportRow[]> {
  await getCampaign(db, actor, id);
  let after = -1;
  for (;;) {
    const batch = await rowsFrom(db, id, after, 1000);
    if (!batch.length) return;
    yield batch;
    after = batch[batch.length - 1].position;
  }
}

export const recipientCsvLine = (r: RecipientReportRow) => [
  [r.position + 1, r.phone, r.name, r.state, r.device_id, r.error, r.updated_at, r.text],
];
