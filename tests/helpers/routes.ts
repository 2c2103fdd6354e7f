// The route files under app/api and app/v3 and their handlers, as the OpenAPI test and the bad-input suite
// both walk them.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { RouteHandler } from './http';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
/** Not part of the documented API: Auth.js's own endpoints, and the document itself. */
export const EXCLUDED = ['app/api/auth/[...nextauth]/route.ts', 'app/api/openapi.json/route.ts'];

/** Every route.ts below `dir` (relative to the repository), sorted by the walk. */
export function routeFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = `${dir}/${d.name}`;
    if (d.isDirectory()) return routeFiles(rel);
    return d.name === 'route.ts' ? [rel] : [];
  });
}

/** app/api/reseller/clients/[id]/route.ts → /api/reseller/clients/{id} */
export const apiPathOf = (file: string) =>
  file
    .replace(/^app/, '')
    .replace(/\/route\.ts$/, '')
    .replace(/\[(\w+)\]/g, '{$1}');

/** The browser's own uploads under app/api/portal (session cookie, hidden): not part of the documented API either. */
const isPortal = (f: string) => f.startsWith('app/api/portal/');

/** The documented API's route files (app/api and app/v3, without EXCLUDED and the portal's). */
export const apiRouteFiles = () =>
  [...routeFiles('app/api'), ...routeFiles('app/v3')].filter((f) => !EXCLUDED.includes(f) && !isPortal(f)).sort();

/** Every exported handler of the documented API, keyed `get /api/reseller/clients/{id}`. */
export async function loadRouteHandlers(): Promise<Map<string, RouteHandler>> {
  const out = new Map<string, RouteHandler>();
  for (const file of apiRouteFiles()) {
    const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    const p = apiPathOf(file);
    for (const m of METHODS) if (typeof mod[m] === 'function') out.set(`${m.toLowerCase()} ${p}`, mod[m] as RouteHandler);
  }
  return out;
}
