// The targets of issues 12 and 14 (docs/benchmarks.md#targets): ratios measured side by side in one run, so that a
// shared or slow machine moves both sides alike. The bench's last line counts them; a miss exits non-zero.
import { CAMPAIGN_SIZE } from './campaign-scenario.mjs';
import { BULK_SIZE } from './usage-scenarios.mjs';

const API = ['list', 'search', 'activate', 'send', 'pull'];
export const RSS_LIMIT_MB = 350;

const ratio = (a, b) => (a && b && Number.isFinite(a.rps) && Number.isFinite(b.rps) && b.rps > 0 ? a.rps / b.rps : Number.NaN);

/** Each target: what it compares, the measured value, the bound, and whether it is met. */
export function evaluateTargets(results, rssMaxMb) {
  const out = [];
  const at = (name) => results.find((r) => r.name === name);
  const add = (what, value, bound, cmp) =>
    out.push({ what, value, bound, cmp, met: Number.isFinite(value) && (cmp === '≥' ? value >= bound : value <= bound) });
  for (const name of API) {
    const r = at(name);
    if (!r) continue;
    add(`${name}: ours ÷ node:http`, ratio(r.ours, r.baseline), 0.6, '≥');
    add(`${name}: pgbench of our SQL ÷ limit SQL`, ratio(r.pgbench, r.limit), 0.5, '≥');
  }
  const page = at('page');
  if (page) add('page: ours ÷ node:http HTML page', ratio(page.ours, page.baseline), 0.4, '≥');
  const bulk = at('bulk');
  if (bulk) add(`bulk (${BULK_SIZE} recipients a request): ours ÷ pgbench inserting the same rows`, ratio(bulk.ours, bulk.limit), 0.5, '≥');
  const campaign = at('campaign');
  if (campaign)
    add(
      `campaign (${CAMPAIGN_SIZE} recipients, sent now): ours ÷ pgbench inserting the same rows`,
      ratio(campaign.ours, campaign.limit),
      0.5,
      '≥',
    );
  const growth = at('growth');
  if (growth) add('send at 15,000 in the period ÷ send at 0 (cost: inverse of throughput)', ratio(growth.empty, growth.grown), 1.2, '≤');
  if (Number.isFinite(rssMaxMb)) add('server RSS during the run (MB)', rssMaxMb, RSS_LIMIT_MB, '≤');
  return out;
}

export function targetsMarkdown(targets) {
  const fmt = (t) => (t.what.includes('RSS') ? `${Math.round(t.value)} MB` : `${Number.isFinite(t.value) ? t.value.toFixed(2) : '—'}×`);
  const rows = targets.map(
    (t) =>
      `| ${t.what} | ${fmt(t)} | ${t.cmp} ${t.what.includes('RSS') ? `${t.bound} MB` : `${t.bound}×`} | ${t.met ? 'met' : '**missed**'} |`,
  );
  return ['| Target | Measured | Bound | |', '|---|--:|--:|---|', ...rows].join('\n');
}

export const summaryLine = (targets) => `bench: ${targets.filter((t) => t.met).length} of ${targets.length} targets met`;
