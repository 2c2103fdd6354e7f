'use server';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { formAction, num } from '@/lib/http/form-action';
import { updateNoticeSettings } from '@/lib/services/notice-settings';
import { noticeSettingsInput } from '@/lib/validation/notice-settings';

/** The notice settings form: a blank from-name or sender clears it (platform defaults). */
export const updateNoticeSettingsAction = formAction(
  'reseller',
  noticeSettingsInput,
  async ({ db, actor, input }) => {
    await updateNoticeSettings(db, actor, input);
    revalidatePath('/reseller/branding');
    return { ok: true, message: (await getTranslations('reseller.noticeSettings'))('saved') };
  },
  (v) => ({
    low_credit_threshold: num(v.low_credit_threshold),
    mail_from_name: v.mail_from_name?.trim() ? v.mail_from_name : null,
    sms_sender_client_id: v.sms_sender_client_id?.trim() ? num(v.sms_sender_client_id) : null,
  }),
);
