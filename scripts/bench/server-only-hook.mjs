// Registered by seed.mjs for the app setup (tsx in plain Node): `server-only` resolves to an empty module, as in
// vitest (tests/helpers/server-only.ts). The react-server condition did this before, but under it next-intl's
// server entry imports React client hooks the react-server React lacks, and the setup failed to load.
import { register } from 'node:module';

register(import.meta.url);

export async function resolve(specifier, context, next) {
  if (specifier === 'server-only') return { url: 'data:text/javascript,export {}', shortCircuit: true };
  return next(specifier, context);
}
