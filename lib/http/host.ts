// Which reseller brand a request is for: `<sub>.<BASE_DOMAIN>` in production, `<sub>.localhost:<port>` locally.
const NOT_BRANDS = new Set(['www', 'app', 'admin', 'api']);

export function subdomainFromHost(host: string | null | undefined, baseDomain: string): string | null {
  if (!host) return null;
  const name = host.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  const bases = [baseDomain.toLowerCase().replace(/:\d+$/, ''), 'localhost'];
  for (const base of bases) {
    if (name.endsWith(`.${base}`)) {
      const sub = name.slice(0, -(base.length + 1));
      if (/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(sub) && !NOT_BRANDS.has(sub)) return sub;
    }
  }
  return null;
}
