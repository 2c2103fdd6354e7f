// pgbench as the third side: the transaction scripts (pgbench/*.sql) filled in per page or term, run at the
// bench's concurrency, with TPS from pgbench's summary and latency percentiles from its per-transaction log.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dbName } from './lib.mjs';
import { children } from './procs.mjs';

function pgConnArgs(url) {
  const u = new URL(url);
  const args = ['-h', u.hostname, '-p', u.port || '5432'];
  if (u.username) args.push('-U', decodeURIComponent(u.username));
  return { args: [...args, dbName(url)], env: u.password ? { PGPASSWORD: decodeURIComponent(u.password) } : {} };
}

export function fill(template, values) {
  let out = template.replace(/\{\{(\w+)\}\}/g, (_, k) => {
    if (!(k in values)) throw new Error(`pgbench template needs {{${k}}}`);
    return values[k];
  });
  // For an empty page the service reads nothing after the rows and the total: the toViews block goes.
  if (values.ids === '') {
    const lines = out.split('\n');
    const cut = lines.findIndex((l) => l.startsWith('-- toViews'));
    if (cut >= 0) out = `${lines.slice(0, cut).join('\n')}\n`;
  }
  return out;
}

/** A SQL string literal for a pgbench script. pgbench replaces `:name` even inside quotes: refuse one. */
export function sqlLiteral(s) {
  if (/:[A-Za-z_]/.test(String(s))) throw new Error(`pgbench would read a variable in the literal ${s}`);
  return `'${String(s).replace(/'/g, "''")}'`;
}

/** The ids, resellers and sign-up times of one list page: what toViews passes from the rows to its one statement. */
export async function pageFacts(sql, resellerId, { page = 1, search } = {}) {
  const p = search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = search
    ? await sql`select c.id, c.reseller_id, c.created_at from clients c join users u on u.id = c.id where c.reseller_id = ${resellerId}
        and (u.name ilike ${p} or u.email ilike ${p} or c.phone ilike ${p} or c.account_name ilike ${p})
        order by c.created_at desc, c.id desc limit 20 offset ${(page - 1) * 20}`
    : await sql`select c.id, c.reseller_id, c.created_at from clients c where c.reseller_id = ${resellerId}
        order by c.created_at desc, c.id desc limit 20 offset ${(page - 1) * 20}`;
  return {
    ids: rows.map((r) => r.id).join(', '),
    id_array: `{${rows.map((r) => r.id).join(',')}}`,
    reseller_id_array: `{${rows.map((r) => r.reseller_id).join(',')}}`,
    // As the service passes them: the sign-up times as read into a Date (to the millisecond).
    created_array: `{${rows.map((r) => new Date(r.created_at).toISOString()).join(',')}}`,
    offset: page > 1 ? ` offset ${(page - 1) * 20}` : '',
    // The total joins the users only when a filter reads them (the search).
    count_join: search ? ' inner join "users" on "users"."id" = "clients"."id"' : '',
    where: search
      ? `("clients"."reseller_id" = :rid and ("users"."name" ilike ${sqlLiteral(p)} or "users"."email" ilike ${sqlLiteral(p)} or "clients"."phone" ilike ${sqlLiteral(p)} or "clients"."account_name" ilike ${sqlLiteral(p)}))`
      : '"clients"."reseller_id" = :rid',
  };
}

export async function runPgbench({ url, scripts, vars, clients, transactions, workDir, name }) {
  const dir = mkdtempSync(path.join(workDir, `pgbench-${name}-`));
  const files = scripts.map((text, i) => {
    const f = path.join(dir, `script-${i}.sql`);
    writeFileSync(f, text);
    return f;
  });
  const perClient = Math.max(1, Math.ceil(transactions / clients));
  const conn = pgConnArgs(url);
  const args = [
    '-n',
    '-M',
    'prepared',
    '-c',
    String(clients),
    '-j',
    String(Math.min(2, clients)),
    '-t',
    String(perClient),
    '-l',
    '--log-prefix',
    path.join(dir, 'tx'),
    ...Object.entries(vars).flatMap(([k, v]) => ['-D', `${k}=${v}`]),
    ...files.flatMap((f) => ['-f', f]),
    ...conn.args,
  ];
  // Asynchronous and in its own process group, so that an interrupt stops it with the servers.
  const r = await new Promise((resolve, reject) => {
    const child = spawn('pgbench', args, { env: { ...process.env, ...conn.env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    const timer = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), 600_000);
    child.on('error', (err) => reject(new Error(`pgbench (${name}) did not run: ${err.message}`)));
    child.on('exit', (status, signal) => {
      clearTimeout(timer);
      children.delete(child);
      resolve({ status: status ?? signal, out });
    });
  });
  const out = r.out;
  if (r.status !== 0) throw new Error(`pgbench (${name}) failed (${r.status}):\n${out.slice(-2000)}`);
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(out)?.[1]);
  const failed = Number(/number of failed transactions: (\d+)/.exec(out)?.[1] ?? 0);
  const latencies = [];
  for (const f of readdirSync(dir).filter((x) => x.startsWith('tx.'))) {
    for (const line of readFileSync(path.join(dir, f), 'utf8').split('\n')) {
      const parts = line.trim().split(/\s+/);
      if (parts.length >= 3 && parts[2] !== 'failed' && parts[2] !== 'skipped') latencies.push(Number(parts[2]) / 1000);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  latencies.sort((a, b) => a - b);
  const n = latencies.length;
  const pct = (q) => latencies[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))];
  return { count: n, rps: tps, p50: pct(0.5), p95: pct(0.95), p99: pct(0.99), failures: failed };
}
