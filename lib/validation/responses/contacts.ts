// Answers of the address-book endpoints (contacts, groups).
import { z } from 'zod';
import { instant, obj } from './common';

export const contactView = obj({
  id: z.number().int(),
  phone: z.string().describe('E.164'),
  name: z.string().nullable(),
  fields: z.record(z.string(), z.string()),
  groups: z.array(obj({ id: z.number().int(), name: z.string() })),
  created_at: instant,
  updated_at: instant,
});

export const groupView = obj({ id: z.number().int(), name: z.string(), contacts: z.number().int(), created_at: instant });

export const deleted = obj({ id: z.number().int(), deleted: z.literal(true) });

export const importReport = obj({
  imported: z.number().int().describe('New contacts'),
  updated: z.number().int().describe('Numbers already in the address book, updated'),
  skipped: z.array(
    obj({
      row: z.number().int().describe('Row of the file, the header being row 1'),
      reason: z.enum(['empty', 'invalid_number', 'duplicate']),
      message: z.string(),
    }),
  ),
});
