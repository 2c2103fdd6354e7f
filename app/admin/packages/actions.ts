'use server';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { formAction, num } from '@/lib/http/form-action';
import { getFormat } from '@/lib/i18n/server';
import { createPackage, updatePackage } from '@/lib/services/packages';
import { idParam } from '@/lib/validation/common';
import { createPackageInput, updatePackageInput } from '@/lib/validation/packages';

const texts = () => Promise.all([getTranslations('admin.packageActions'), getFormat()]);

const numbers = (v: Record<string, string>) => ({
  price: num(v.price),
  daily_limit: num(v.daily_limit),
  period_limit: num(v.period_limit),
  device_limit: num(v.device_limit),
  period_days: num(v.period_days),
  // Absent on older forms: the schema's default (create) or no change (edit).
  smpp_throughput: v.smpp_throughput === undefined ? undefined : num(v.smpp_throughput),
  smpp_max_binds: v.smpp_max_binds === undefined ? undefined : num(v.smpp_max_binds),
});

export const createPackageAction = formAction(
  'admin',
  createPackageInput,
  async ({ db, actor, input }) => {
    const p = await createPackage(db, actor, input);
    revalidatePath('/admin/packages');
    const [t, f] = await texts();
    return { ok: true, message: t('added', { name: p.name, code: p.package_type, price: f.money(p.price) }) };
  },
  (v) => ({ code: v.code, name: v.name, ...numbers(v), active: v.active !== 'false' }),
);

/** The full edit form; only later activations see the new values (subscriptions keep their snapshot). */
export const updatePackageAction = formAction(
  'admin',
  updatePackageInput.extend({ id: idParam }),
  async ({ db, actor, input }) => {
    const { id, ...patch } = input;
    const p = await updatePackage(db, actor, id, patch);
    revalidatePath('/admin/packages');
    revalidatePath(`/admin/packages/${id}`);
    const [t, f] = await texts();
    return { ok: true, message: t('saved', { name: p.name, price: f.money(p.price) }) };
  },
  (v) => ({ id: v.id, name: v.name, ...numbers(v), active: v.active === 'true' }),
);

/** Quick disable / enable from the list. */
export const setPackageActiveAction = formAction(
  'admin',
  z.object({ id: idParam, active: z.enum(['true', 'false']) }),
  async ({ db, actor, input }) => {
    const p = await updatePackage(db, actor, input.id, { active: input.active === 'true' });
    revalidatePath('/admin/packages');
    const [t] = await texts();
    return { ok: true, message: t(p.active ? 'onSale' : 'disabled', { name: p.name }) };
  },
);
