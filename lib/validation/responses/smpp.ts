// What the SMPP account endpoints answer (docs/smpp.md).
import { z } from 'zod';
import { SMPP_BIND_MODES } from '@/db/schema/smpp';
import { instant, obj } from './common';

const port = z.number().int().nullable();

export const smppCredentials = obj({ system_id: z.string(), password: z.string(), host: z.string(), port, tls_port: port });

export const smppAccountView = obj({
  system_id: z.string(),
  host: z.string(),
  port,
  tls_port: port,
  allowed_ips: z.array(z.string()),
  throughput: z.number().int(),
  max_binds: z.number().int(),
  created_at: instant,
  password_changed_at: instant,
});

export const smppBindView = obj({
  id: z.string(),
  mode: z.enum(SMPP_BIND_MODES),
  ip: z.string(),
  system_type: z.string(),
  tls: z.boolean(),
  submitted: z.number().int(),
  delivered: z.number().int(),
  bound_at: instant,
  last_seen_at: instant,
});
