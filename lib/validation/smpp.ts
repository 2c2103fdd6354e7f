import { isIP } from 'node:net';
import { z } from 'zod';

/** An IPv4/IPv6 address or CIDR range; a bare address means that address alone. Normalised to `addr/prefix`. */
export const ipRange = z
  .string({ error: 'An IP address or range is required.' })
  .trim()
  .max(64, 'An IP range is at most 64 characters.')
  .transform((v, ctx) => {
    const [addr, prefix, ...rest] = v.split('/');
    const family = isIP(addr);
    const max = family === 6 ? 128 : 32;
    const bits = prefix === undefined ? max : /^\d{1,3}$/.test(prefix) ? Number(prefix) : Number.NaN;
    if (!family || rest.length || !(bits >= 0 && bits <= max)) {
      ctx.addIssue({ code: 'custom', message: `"${v}" is not an IP address or range such as 203.0.113.0/24.` });
      return z.NEVER;
    }
    return `${addr.toLowerCase()}/${bits}`;
  });

export const smppAccountUpdate = z
  .object({
    allowed_ips: z.array(ipRange).max(20, 'At most 20 IP ranges.'),
  })
  .strict();
export type SmppAccountUpdate = z.infer<typeof smppAccountUpdate>;

/** The portal's textarea: one range per line (or separated by commas or spaces); each bad entry named. */
export const smppIpRangesForm = z.object({
  allowed_ips: z
    .string()
    .max(2000, 'Too long.')
    .transform((v, ctx) => {
      const out: string[] = [];
      for (const entry of v.split(/[\s,]+/).filter(Boolean)) {
        const r = ipRange.safeParse(entry);
        if (r.success) out.push(r.data);
        else ctx.addIssue({ code: 'custom', message: r.error.issues[0]?.message ?? `"${entry}" is not an IP range.` });
      }
      if (out.length > 20) ctx.addIssue({ code: 'custom', message: 'At most 20 IP ranges.' });
      return out;
    }),
});
