// GET /api/v1/campaigns/:id/recipients.csv — the per-recipient report
import { csvDownload } from '@/lib/http/csv-download';
import { api } from '@/lib/http/families';
import { RECIPIENTS_CSV_HEADER, recipientBatches, recipientCsvLine } from '@/lib/services/campaign-report';
import { getCampaign } from '@/lib/services/campaigns';

export const dynamic = 'force-dynamic';

export const GET = api(
  { summary: 'The per-recipient report of a campaign as CSV', auth: 'client', response: null, contentType: 'text/csv' },
  async ({ db, actor, id }) => {
    await getCampaign(db, actor, id);
    return csvDownload(`campaign-${id}-recipients.csv`, RECIPIENTS_CSV_HEADER, recipientBatches(db, actor, id), recipientCsvLine);
  },
);
