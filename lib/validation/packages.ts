import { z } from 'zod';
import { money } from './common';

const limit = (label: string) =>
  z
    .number({ error: `${label} must be a number.` })
    .int(`${label} must be a whole number.`)
    .min(0, `${label} cannot be negative.`)
    .max(10_000_000, `${label} is too large.`);

export const packageFields = {
  code: z
    .string({ error: 'Code is required.' })
    .trim()
    .toLowerCase()
    .min(2, 'Code needs at least 2 characters.')
    .max(40, 'Code is at most 40 characters.')
    .regex(/^[a-z][a-z0-9_]*$/, 'Use lowercase letters, digits and underscores, starting with a letter.'),
  name: z.string({ error: 'Name is required.' }).trim().min(1, 'Name is required.').max(80, 'Name is too long.'),
  price: money.min(0, 'Price cannot be negative.').max(1_000_000_000, 'Price is too large.'),
  daily_limit: limit('Daily limit'),
  period_limit: limit('Period limit'),
  device_limit: limit('Device limit').min(1, 'At least one device.').max(1000, 'At most 1,000 devices.'),
  period_days: z
    .number({ error: 'Period days must be a number.' })
    .int('Whole days.')
    .min(1, 'At least 1 day.')
    .max(366, 'At most 366 days.'),
  smpp_throughput: z
    .number({ error: 'SMPP throughput must be a number.' })
    .int('Whole messages per second.')
    .min(1, 'At least 1 message per second.')
    .max(1000, 'At most 1,000 messages per second.'),
  smpp_max_binds: z
    .number({ error: 'SMPP binds must be a number.' })
    .int('A whole number of binds.')
    .min(1, 'At least 1 bind.')
    .max(50, 'At most 50 binds.'),
  active: z.boolean(),
  sort_order: z.number().int().min(0).max(10_000),
};

export const createPackageInput = z
  .object({
    ...packageFields,
    active: packageFields.active.default(true),
    sort_order: packageFields.sort_order.optional(),
    period_days: packageFields.period_days.default(30),
    // Absent: the database defaults (10 per second, 2 binds).
    smpp_throughput: packageFields.smpp_throughput.optional(),
    smpp_max_binds: packageFields.smpp_max_binds.optional(),
  })
  .refine((v) => v.period_limit >= v.daily_limit, {
    path: ['period_limit'],
    message: 'The period limit must be at least the daily limit.',
  });
export type CreatePackageInput = z.infer<typeof createPackageInput>;

export const updatePackageInput = z
  .object({
    name: packageFields.name,
    price: packageFields.price,
    daily_limit: packageFields.daily_limit,
    period_limit: packageFields.period_limit,
    device_limit: packageFields.device_limit,
    period_days: packageFields.period_days,
    smpp_throughput: packageFields.smpp_throughput,
    smpp_max_binds: packageFields.smpp_max_binds,
    active: packageFields.active,
    sort_order: packageFields.sort_order,
  })
  .partial()
  .strict();
export type UpdatePackageInput = z.infer<typeof updatePackageInput>;
