// GET /client/campaigns/:id/recipients.csv — the signed-in client's campaign report (same file as the API's)
import { csvDownload } from '@/lib/http/csv-download';
import { portal } from '@/lib/http/families';
import { RECIPIENTS_CSV_HEADER, recipientBatches, recipientCsvLine } from '@/lib/services/campaign-report';
import { getCampaign } from '@/lib/services/campaigns';

export const dynamic = 'force-dynamic';

export const GET = portal(
  { summary: 'Own campaign report as CSV', auth: 'client', response: null, contentType: 'text/csv', hidden: true },
  async ({ db, actor, id }) => {
    await getCampaign(db, actor, id);
    return csvDownload(`campaign-${id}-recipients.csv`, RECIPIENTS_CSV_HEADER, recipientBatches(db, actor, id), recipientCsvLine);
  },
);
