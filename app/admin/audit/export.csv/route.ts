// GET /admin/audit/export.csv?actor=&action=&target_type=&from=&to= — the filtered audit log as CSV (admin
// browser session), streamed batch by batch; dated in the platform time zone.
import { getTranslations } from 'next-intl/server';
import { auditChanges } from '@/lib/audit-labels';
import { formatDateTime } from '@/lib/format';
import { csvDownload } from '@/lib/http/csv-download';
import { portal } from '@/lib/http/families';
import { formQuery } from '@/lib/http/search-params';
import { localAuditLabel } from '@/lib/i18n/audit';
import { auditExport } from '@/lib/services/audit';
import { getSettings } from '@/lib/services/settings';
import { zonedToday } from '@/lib/time';
import { auditQuery } from '@/lib/validation/common';

export const dynamic = 'force-dynamic';

const HEADER = [
  'id',
  'created_at_utc',
  'local_time',
  'actor_name',
  'actor_email',
  'actor_role',
  'action',
  'what',
  'target_type',
  'target_id',
  'target_name',
  'changes',
  'ip',
];

export const GET = portal(
  {
    summary: 'The filtered audit log as CSV',
    auth: 'admin',
    query: formQuery(auditQuery),
    response: null,
    contentType: 'text/csv',
    hidden: true,
  },
  async ({ db, actor, query }) => {
    const { page: _p, limit: _l, ...q } = query;
    const tz = (await getSettings(db)).time_zone;
    const batches = await auditExport(db, actor, q);
    // The "what" column in the reader's language; the action code beside it stays as stored.
    const ta = await getTranslations('auditAction');
    return csvDownload(`audit-${zonedToday(tz)}.csv`, HEADER, batches, (e) => [
      [
        e.id,
        e.created_at,
        formatDateTime(e.created_at, tz),
        e.actor_name,
        e.actor_email,
        e.actor_role,
        e.action,
        localAuditLabel(ta, e.action),
        e.target_type,
        e.target_id,
        e.target_name,
        auditChanges(e.before, e.after)
          .map((c) => `${c.field}: ${c.before} → ${c.after}`)
          .join('; '),
        e.ip,
      ],
    ]);
  },
);
