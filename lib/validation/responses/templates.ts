// Answers of the template endpoints.
import { z } from 'zod';
import { instant, obj } from './common';

export const smsLengthView = obj({
  encoding: z.enum(['gsm7', 'ucs2']),
  units: z.number().int(),
  segments: z.number().int(),
  perSegment: z.number().int(),
  remaining: z.number().int(),
});

export const templateView = obj({
  id: z.number().int(),
  name: z.string(),
  text: z.string(),
  placeholders: z.array(z.string()).describe('The merge fields the text uses, e.g. {{name}}, {{fields.city}}'),
  length: smsLengthView.describe('Of the text as written'),
  created_at: instant,
  updated_at: instant,
});

const rendered = obj({ contact_id: z.number().int(), phone: z.string(), text: z.string(), length: smsLengthView }).nullable();

export const previewView = obj({
  sample: rendered.describe('The text for the contact asked for, or the first of the audience'),
  longest: rendered.describe('The longest result over the audience: the most segments one recipient costs'),
  contacts: z.number().int().describe('Contacts in the audience'),
  placeholders: z.array(z.string()),
});
