#!/usr/bin/env node
// node scripts/bench/explain.mjs [--plans <file>] — EXPLAIN (ANALYZE, BUFFERS) of the send's, the pull's and the
// list's statements (pgbench/send.sql, pull.sql, list.sql with their parameters filled, as run.mjs fills them)
// on the bench database (BENCH_DATABASE_URL), one transaction per scenario, rolled back: nothing changes.
// Prints a line per statement (time, buffers, the scans used); --plans writes the full plans to a file.
// docs/scaling.md#plans compares 1M and 10M messages with it.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { assertLoopback, BENCH_DB_URL, dbName, ROOT, SEND_TEXT, TOKENS } from './lib.mjs';
import { fill, pageFacts, sqlLiteral } from './pgbench.mjs';
import { readMarker } from './seed.mjs';
import { resets } from './setup.mjs';

const tpl = (f) => readFileSync(path.join(ROOT, 'scripts', 'bench', 'pgbench', f), 'utf8');
const ROLLBACK = Symbol('rollback');

/** pgbench's `:name` substitution (not `::type`): with -M extended a variable is an untyped parameter, here a literal. */
const literal = (v) => `'${(v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v)).replace(/'/g, "''")}'`;
const subst = (line, vars) => line.replace(/(?<![:\w]):([A-Za-z_]\w*)/g, (m, k) => (k in vars ? literal(vars[k]) : m));

/** Runs a pgbench script's statements under EXPLAIN ANALYZE in one transaction, rolled back. */
async function explainScript(sql, name, script, vars) {
  const out = [];
  try {
    await sql.begin(async (tx) => {
      let n = 0;
      for (const raw of script.split('\n')) {
        const line = raw.trim();
        if (!line || line.startsWith('--') || line.startsWith('\\') || /^(begin|commit);$/i.test(line)) continue;
        n += 1;
        const gset = /\\gset (\w+)$/.exec(line);
        const stmt = subst(gset ? line.slice(0, gset.index).trim() : line, vars).replace(/;$/, '');
        // A \gset statement runs once for its values first (a select: no change), then under EXPLAIN.
        if (gset) {
          const [row] = await tx.unsafe(stmt);
          if (!row) throw new Error(`${name} statement ${n} found no row`);
          for (const [k, v] of Object.entries(row)) vars[gset[1] + k] = v instanceof Date ? v.toISOString() : v;
        }
        const plan = (await tx.unsafe(`explain (analyze, buffers) ${stmt}`)).map((r) => r['QUERY PLAN']);
        const text = plan.join('\n');
        const buffers = /Buffers: ([^\n]+)/.exec(text)?.[1] ?? 'none';
        const scans = [
          ...new Set(
            [...text.matchAll(/(Index Only Scan|Index Scan|Bitmap Index Scan|Seq Scan)(?: Backward)? (?:using (\S+) )?on (\S+)/g)].map(
              (m) => `${m[1]}${m[2] ? ` ${m[2]}` : ''} on ${m[3]}`,
            ),
          ),
        ];
        out.push({
          name,
          n,
          ms: Number(/Execution Time: ([\d.]+) ms/.exec(text)?.[1]),
          buffers,
          scans,
          stmt,
          text,
        });
      }
      throw ROLLBACK;
    });
  } catch (err) {
    if (err !== ROLLBACK) throw err;
  }
  return out;
}

async function main() {
  assertLoopback(BENCH_DB_URL, 'BENCH_DATABASE_URL');
  const { marker } = await readMarker(BENCH_DB_URL);
  if (!marker) throw new Error(`${dbName(BENCH_DB_URL)} is not a seeded bench database`);
  const sql = postgres(BENCH_DB_URL, { max: 1, onnotice: () => {} });
  try {
    const [{ n: messages }] = await sql`select count(*)::int as n from messages`;
    // The pull devices' queues pending again, as run.mjs leaves them before the pull scenario.
    await resets(sql, marker).pull();
    const [sendLo] = marker.pools.send;
    const pages = Math.ceil(marker.list_clients / 20);
    const rid = marker.resellers.list;
    const results = [
      ...(await explainScript(sql, 'send', fill(tpl('send.sql'), { text: sqlLiteral(SEND_TEXT).slice(1, -1) }), {
        c: sendLo,
        client_id: 0,
        mid: 1,
      })),
      ...(await explainScript(sql, 'pull', fill(tpl('pull.sql'), { token_prefix: TOKENS.pullPrefix }), {
        d: 1,
        client_id: 0,
        it: 1,
        nc: 1,
      })),
      ...(await explainScript(sql, 'list p1', fill(tpl('list.sql'), await pageFacts(sql, rid, { page: 1 })), { rid })),
      ...(await explainScript(sql, `list p${pages}`, fill(tpl('list.sql'), await pageFacts(sql, rid, { page: pages })), { rid })),
    ];
    console.log(`${dbName(BENCH_DB_URL)}: ${messages.toLocaleString('en-US')} messages`);
    for (const r of results)
      console.log(`${`${r.name} #${r.n}`.padEnd(12)} ${r.ms.toFixed(3).padStart(8)} ms  ${r.buffers.padEnd(40)} ${r.scans.join('; ')}`);
    const file = process.argv.includes('--plans') ? process.argv[process.argv.indexOf('--plans') + 1] : null;
    if (file) writeFileSync(file, results.map((r) => `-- ${r.name} #${r.n}\n${r.stmt};\n${r.text}\n`).join('\n'));
  } finally {
    await sql.end();
  }
}

main().catch((err) => {
  console.error('[explain] failed:', err.message);
  process.exit(1);
});
