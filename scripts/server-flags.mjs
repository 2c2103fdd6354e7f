// The Node flags of the production server process (scripts/serve.mjs): one list for `npm start`
// (scripts/start.mjs) and the bench (scripts/bench/run.mjs), so the bench measures what npm start runs.
//
// The old generation is capped at 256 MB (SERVER_HEAP_MB to change it). Uncapped, V8 sizes it from the
// machine's memory (about 4 GB on 24 GiB) and lets the garbage of big requests (1,000-recipient sends,
// 10,000-recipient campaigns) pile up before a full collection: 475 MB resident in the last full bench.
// Capped, the same bench scenarios peak at 288 MB (192 MB: 293 MB) at the same throughput
// (docs/benchmarks.md). Raise it for an instance that takes many large campaigns at once.
export function serverNodeFlags(env = process.env) {
  const raw = env.SERVER_HEAP_MB || '256';
  const mb = Number(raw);
  if (!Number.isInteger(mb) || mb < 64) throw new Error(`SERVER_HEAP_MB must be a whole number of MB, 64 or more (got ${raw})`);
  return [`--max-old-space-size=${mb}`];
}
