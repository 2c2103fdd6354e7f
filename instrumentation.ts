// Next.js calls register() once when the server process starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startup } = await import('./lib/startup');
  await startup();
}
