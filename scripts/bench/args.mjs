// Command-line options of `npm run bench` (run.mjs) and the requests per side they plan.
import { readFileSync } from 'node:fs';
import { POOLS, SCENARIO_NAMES } from './lib.mjs';

export class UsageError extends Error {}

export function parseArgs(argv) {
  const out = { quick: false, scenarios: SCENARIO_NAMES, concurrency: 16, requests: null, build: true, docs: null, profile: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--quick') out.quick = true;
    else if (a === '--scenario' || a === '--scenarios') {
      out.scenarios = value()
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const bad = out.scenarios.filter((s) => !SCENARIO_NAMES.includes(s) && s !== 'spray');
      if (bad.length) throw new UsageError(`unknown scenario ${bad.join(', ')}; choose from ${SCENARIO_NAMES.join(', ')}`);
    } else if (a === '--concurrency') out.concurrency = boundedInt(value(), 1, 64, a);
    else if (a === '--requests') out.requests = boundedInt(value(), 10, 20_000, a);
    else if (a === '--no-build') out.build = false;
    else if (a === '--profile') out.profile = value();
    else if (a === '--write-docs') out.docs = true;
    else if (a === '--no-docs') out.docs = false;
    else if (a === '--help' || a === '-h') {
      console.log(
        readFileSync(new URL('./run.mjs', import.meta.url), 'utf8')
          .split('\n')
          .slice(1, 3)
          .join('\n')
          .replace(/^\/\/ ?/gm, ''),
      );
      process.exit(0);
    } else throw new UsageError(`unknown option ${a} (--help lists the options)`);
  }
  // Only a full default run replaces the recorded results, unless asked.
  out.docs ??= !out.quick && out.scenarios.length === SCENARIO_NAMES.length && out.requests === null;
  return out;
}

function boundedInt(v, min, max, name) {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${name} must be a whole number from ${min} to ${max}`);
  return n;
}

/** Requests per side (warm-up, measured); the write pools bound activate and pull. */
export function plan(opts) {
  const quick = opts.quick;
  // Sized for about a minute per scenario on a 2-core machine (ours is the slow side).
  const base = { list: 1500, search: 1500, activate: 1500, send: 4000, pull: 2500, page: 600, bulk: 64, growth: 1500, campaign: 32 };
  const warm = { list: 150, search: 150, activate: 150, send: 200, pull: 200, page: 60, bulk: 16, growth: 100, campaign: 4 };
  const out = {};
  for (const s of SCENARIO_NAMES) {
    let n = opts.requests ?? (quick ? (s === 'campaign' ? 16 : s === 'page' || s === 'bulk' ? 32 : 150) : base[s]);
    const w = quick ? Math.min(s === 'campaign' ? 2 : 20, warm[s]) : warm[s];
    const pool = s === 'activate' ? POOLS.act : s === 'pull' ? POOLS.pull : Infinity;
    // The pool must hold the warm-up and the measured requests, and pgbench's whole rounds of -c transactions.
    n = Math.min(n, pool - w, Math.floor(pool / opts.concurrency) * opts.concurrency);
    out[s] = { requests: n, warmup: w };
  }
  return out;
}
