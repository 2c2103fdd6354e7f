'use server';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { formAction, num } from '@/lib/http/form-action';
import { createAdmin, setAdminStatus } from '@/lib/services/admins';
import { updateSettings } from '@/lib/services/settings';
import { idParam } from '@/lib/validation/common';
import { adminStatusInput, createAdminInput, updateSettingsInput } from '@/lib/validation/settings';

export const updateSettingsAction = formAction(
  'admin',
  updateSettingsInput,
  async ({ db, actor, input }) => {
    await updateSettings(db, actor, input);
    revalidatePath('/admin/settings');
    return { ok: true, message: (await getTranslations('admin.settingsActions'))('saved') };
  },
  (v) => ({
    platform_name: v.platform_name,
    base_domain: v.base_domain,
    default_trial_days: num(v.default_trial_days),
    trial_daily_limit: num(v.trial_daily_limit),
    trial_period_limit: num(v.trial_period_limit),
    trial_device_limit: num(v.trial_device_limit),
    currency: v.currency,
    time_zone: v.time_zone,
    default_country: v.default_country,
    large_topup_threshold: num(v.large_topup_threshold),
    default_language: v.default_language,
    default_validity_minutes: num(v.default_validity_minutes),
    notice_sms_client_id: num(v.notice_sms_client_id),
    message_retention_months: num(v.message_retention_months),
  }),
);

export const createAdminAction = formAction('admin', createAdminInput, async ({ db, actor, input }) => {
  const a = await createAdmin(db, actor, input);
  revalidatePath('/admin/settings');
  return { ok: true, message: (await getTranslations('admin.settingsActions'))('adminCreated', { email: a.email }) };
});

/** Disable or re-enable an admin; the service refuses the last active admin and the signed-in one. */
export const setAdminStatusAction = formAction('admin', adminStatusInput.extend({ id: idParam }), async ({ db, actor, input }) => {
  const a = await setAdminStatus(db, actor, input.id, input.status);
  revalidatePath('/admin/settings');
  const t = await getTranslations('admin.settingsActions');
  return { ok: true, message: t(a.status === 'active' ? 'enabled' : 'disabled', { email: a.email }) };
});
