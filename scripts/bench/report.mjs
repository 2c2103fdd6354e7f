// The results: the console and Markdown tables, the machine's description, and the results section of
// docs/benchmarks.md (only the part between the bench:results markers is rewritten).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fmtSecs, ROOT, SCENARIO_NAMES } from './lib.mjs';
import { targetsMarkdown } from './targets.mjs';

export const f1 = (x) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) : '—');
export const rate = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '—');
export const lat = (r) => (r ? `${f1(r.p50)} / ${f1(r.p95)} / ${f1(r.p99)}` : '—');
const ratio = (a, b) => (a && b && Number.isFinite(a.rps) && Number.isFinite(b.rps) && b.rps > 0 ? `${(a.rps / b.rps).toFixed(2)}×` : '—');
const flag = (r) => (r?.failures ? ` ⚠${r.failures}` : '');

export function table(results) {
  const head =
    '| Scenario | Ours /s | Ours p50 / p95 / p99 ms | node:http /s | node:http p50 / p95 / p99 ms | pgbench (our SQL) TPS | limit TPS | limit p50 / p95 / p99 ms | Ours ÷ node:http | Ours ÷ limit | pgbench ours ÷ limit |';
  const sep = '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|';
  const rows = results
    .filter((r) => r.ours)
    .map(
      ({ title, ours, baseline, pgbench, limit }) =>
        `| ${title} | ${rate(ours?.rps)}${flag(ours)} | ${lat(ours)} | ${rate(baseline?.rps)}${flag(baseline)} | ${lat(baseline)} | ${rate(pgbench?.rps)}${flag(pgbench)} | ${rate(limit?.rps)}${flag(limit)} | ${lat(limit)} | ${ratio(ours, baseline)} | ${ratio(ours, limit)} | ${ratio(pgbench, limit)} |`,
    );
  const growth = results.find((r) => r.name === 'growth');
  const extra = growth
    ? [
        '',
        '| Send as usage grows (one client, concurrency as above) | req/s | p50 / p95 / p99 ms | server CPU ms/request |',
        '|---|--:|--:|--:|',
        `| 0 SMS in the period | ${rate(growth.empty?.rps)}${flag(growth.empty)} | ${lat(growth.empty)} | ${f1(growth.empty?.cpuMsPerRequest)} |`,
        `| 15,000 SMS in the period | ${rate(growth.grown?.rps)}${flag(growth.grown)} | ${lat(growth.grown)} | ${f1(growth.grown?.cpuMsPerRequest)} |`,
      ]
    : [];
  return [head, sep, ...rows, ...extra].join('\n');
}

export const kb = (b) => (b >= 1024 ? `${(b / 1024).toFixed(1)} KB` : `${Math.round(b)} B`);

/** Where the time goes: the server process's CPU per request and the size of the answer. */
export function costTable(results) {
  const head = '| Scenario | Ours: server CPU ms/request | node:http: server CPU ms/request | Ours: response | node:http: response |';
  const sep = '|---|--:|--:|--:|--:|';
  const rows = results
    .filter((r) => r.ours)
    .map(
      ({ title, ours, baseline }) =>
        `| ${title} | ${f1(ours?.cpuMsPerRequest)} | ${f1(baseline?.cpuMsPerRequest)} | ${ours ? kb(ours.bytesPerResponse) : '—'} | ${baseline ? kb(baseline.bytesPerResponse) : '—'} |`,
    );
  return [head, sep, ...rows].join('\n');
}

export function machine(pgVersion) {
  const cpu = (() => {
    try {
      return /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1].trim();
    } catch {
      return os.cpus()[0]?.model;
    }
  })();
  const osName = (() => {
    try {
      return /PRETTY_NAME="?([^"\n]+)/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    } catch {
      return os.type();
    }
  })();
  return {
    cpu,
    cores: os.cpus().length,
    ramGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres: /PostgreSQL [\d.]+/.exec(pgVersion)?.[0] ?? pgVersion,
    os: `${osName}, Linux ${os.release()}`,
  };
}

export function resultsMarkdown({ results, env, counts, marker, opts, planned, started, totalMs, loadBefore, targets, rssMax }) {
  const lines = [];
  lines.push(
    `Run of ${started.toISOString().replace('T', ' ').slice(0, 16)} UTC (\`npm run bench${opts.quick ? ' -- --quick' : ''}\`), ${fmtSecs(totalMs)} in all, seed excluded.`,
  );
  lines.push('');
  lines.push(table(results));
  lines.push('');
  lines.push(
    'Latencies in milliseconds (p50 / p95 / p99, nearest rank over every measured request). "Ours ÷ …" is the ratio of throughputs: 1.00× would be as fast as the baseline. The bulk and campaign rows count recipients per second (1,000 and 10,000 a request; their limit is pgbench inserting the same rows); "limit" is pgbench running `scripts/bench/pgbench/limit-*.sql`, the fewest statements the job needs.',
  );
  if (targets) {
    lines.push('');
    lines.push(
      `Targets (side by side in this run; server RSS at most ${Math.round(rssMax ?? 0)} MB): **${targets.filter((t) => t.met).length} of ${targets.length} met**.`,
    );
    lines.push('');
    lines.push(targetsMarkdown(targets));
  }
  lines.push('');
  lines.push(
    "Server CPU is the user + system time of the server's process group during the measured requests (from /proc), divided by the requests; PostgreSQL's own CPU is not in it.",
  );
  lines.push('');
  lines.push(costTable(results));
  if (results.some((r) => r.ours?.failures || r.baseline?.failures || r.pgbench?.failures || r.limit?.failures))
    lines.push('⚠N: N requests or transactions did not succeed (the figure is suspect).');
  lines.push('');
  lines.push(
    `- **Machine**: ${env.cpu}, ${env.cores} cores, ${env.ramGiB} GiB RAM; ${env.os}; Node ${env.node}; ${env.postgres}. Load average before the run: ${loadBefore.map((x) => x.toFixed(2)).join(', ')} (the machine is shared: other work may have run alongside).`,
  );
  lines.push(
    `- **Data** (\`npm run bench:seed\`, ${marker.seed_seconds ?? '?'} s; counts at the start of this run, earlier runs' activations and sends included): ${Object.entries(
      counts,
    )
      .map(([k, v]) => `${v.toLocaleString('en-US')} ${k.replace(/_/g, ' ')}`)
      .join(', ')}. The listed reseller has ${marker.list_clients.toLocaleString('en-US')} clients.`,
  );
  lines.push(
    `- **Load**: concurrency ${opts.concurrency} on every side (${opts.concurrency} keep-alive HTTP connections; pgbench \`-c ${opts.concurrency} -j ${Math.min(2, opts.concurrency)} -M prepared\`); both servers use a pool of 10 PostgreSQL connections.`,
  );
  lines.push(
    `- **Requests per side** (after a warm-up that is not counted): ${SCENARIO_NAMES.filter(
      (s) => planned[s] && results.some((r) => r.name === s),
    )
      .map((s) => `${s} ${planned[s].requests} (+${planned[s].warmup} warm-up)`)
      .join(
        ', ',
      )}; ours and the node:http baseline take turns in ${opts.rounds ?? 1} rounds (ours first, then the baseline first, …; the scenario's reset before each turn), so a slow spell of the machine falls on both alike; pgbench runs whole rounds of ${opts.concurrency} (\`-t ⌈N/${opts.concurrency}⌉\`), no warm-up.`,
  );
  return lines.join('\n');
}

export function writeDocs(section) {
  const file = path.join(ROOT, 'docs', 'benchmarks.md');
  const start = '<!-- bench:results:start -->';
  const end = '<!-- bench:results:end -->';
  const block = `${start}\n${section}\n${end}`;
  let doc = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (doc.includes(start) && doc.includes(end)) doc = doc.slice(0, doc.indexOf(start)) + block + doc.slice(doc.indexOf(end) + end.length);
  else doc = `# Benchmarks\n\n## Results\n\n${block}\n${doc ? `\n${doc}` : ''}`;
  writeFileSync(file, doc);
  // Formatted as `npm run lint` wants it (biome formats Markdown tables), or CI fails on the recorded run.
  spawnSync(process.execPath, [path.join(ROOT, 'node_modules', '@biomejs', 'biome', 'bin', 'biome'), 'format', '--write', file], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  return file;
}
