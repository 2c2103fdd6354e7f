'use client';
// The reseller's brand: subdomain, name, colour, logo and support contact, with a live preview of the
// login card its clients will see. The logo is read in the browser into a data URL (≤ 200 kB) and sent
// with the form; the server validates it again.
import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { FieldErrors, SubmitButton } from '@/components/action-form';
import { brandStyle } from '@/components/brand';
import { buttonClass, inputClass } from '@/components/ui';
import type { FormState } from '@/lib/http/form-action';
import type { BrandingView } from '@/lib/services/branding';
import { LOGO_TYPES, MAX_LOGO_BYTES } from '@/lib/validation/logo';
import { SupportContactFields } from './support-contact-fields';

type Action = (state: FormState, fd: FormData) => Promise<FormState>;

export type BrandingValues = Omit<BrandingView, 'login_url'>;

const DEFAULT_COLOR = '#2563eb';

type Logo = { kind: 'keep' } | { kind: 'remove' } | { kind: 'new'; dataUrl: string; name: string };

export function BrandingForm({
  initial,
  companyName,
  baseDomain,
  localPort,
  action,
}: {
  initial: BrandingValues;
  companyName: string;
  baseDomain: string;
  /** Set when the portal runs on localhost: also show the <sub>.localhost login address. */
  localPort: string | null;
  action: Action;
}) {
  const t = useTranslations('reseller.brandingForm');
  const [logo, setLogo] = useState<Logo>({ kind: 'keep' });
  const [logoError, setLogoError] = useState<string | null>(null);
  const [state, formAction] = useActionState(async (prev: FormState, fd: FormData) => {
    const res = await action(prev, fd);
    if (res.ok) setLogo({ kind: 'keep' });
    return res;
  }, {} as FormState);
  const v = (name: keyof BrandingValues) => state.values?.[name] ?? initial[name] ?? '';
  const [sub, setSub] = useState(String(v('subdomain')));
  const [name, setName] = useState(String(v('brand_name')));
  const [color, setColor] = useState<string | null>(initial.color);
  const [email, setEmail] = useState(String(v('support_email')));
  const [phone, setPhone] = useState(String(v('support_phone')));
  const err = (f: string) => state.fieldErrors?.[f];

  const onFile = (file: File | undefined) => {
    setLogoError(null);
    if (!file) return;
    if (!LOGO_TYPES.includes(file.type)) return setLogoError(t('logoType'));
    if (file.size > MAX_LOGO_BYTES) return setLogoError(t('logoSize', { max: MAX_LOGO_BYTES / 1000, size: Math.ceil(file.size / 1000) }));
    const reader = new FileReader();
    reader.onload = () => setLogo({ kind: 'new', dataUrl: String(reader.result), name: file.name });
    reader.onerror = () => setLogoError(t('unreadable'));
    reader.readAsDataURL(file);
  };

  const shownLogo = logo.kind === 'new' ? logo.dataUrl : logo.kind === 'remove' ? null : initial.logo_url;
  const shownName = name.trim() || companyName;
  const cleanSub = sub.trim().toLowerCase() || 'yourname';
  const field = 'mb-1 block text-sm font-medium text-slate-700';
  const loginUrl = `https://${cleanSub}.${baseDomain}/login`;
  const localUrl = `http://${cleanSub}.localhost:${localPort}/login`;

  return (
    <div className="grid gap-5 lg:grid-cols-5">
      <form
        action={formAction}
        className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5 lg:col-span-3"
        data-testid="branding-form"
        noValidate
      >
        {state.message && (
          <div
            role={state.ok ? 'status' : 'alert'}
            className={`rounded-lg border px-3 py-2 text-sm break-words ${state.ok ? 'border-emerald-200 bg-emerald-50 text-emerald-800' : 'border-red-200 bg-red-50 text-red-800'}`}
          >
            {state.message}
          </div>
        )}
        <div>
          <label htmlFor="subdomain" className={field}>
            {t('subdomain')} <span className="text-red-600">*</span>
          </label>
          <input
            id="subdomain"
            name="subdomain"
            value={sub}
            onChange={(e) => setSub(e.target.value)}
            autoCapitalize="none"
            spellCheck={false}
            aria-invalid={err('subdomain') ? true : undefined}
            aria-describedby="subdomain-urls"
            className={inputClass}
          />
          <FieldErrors errors={err('subdomain')} id="subdomain-error" />
          <div id="subdomain-urls" className="mt-1 space-y-0.5 break-all text-xs text-slate-500">
            <div>
              {t('signInAt')}{' '}
              <span className="font-medium text-slate-700" data-testid="login-url">
                {loginUrl}
              </span>
            </div>
            {localPort && (
              <div>
                {t('locally')}{' '}
                <a className="text-brand-700 underline" href={localUrl} target="_blank" rel="noreferrer" data-testid="local-login-url">
                  {localUrl}
                </a>
              </div>
            )}
          </div>
        </div>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="brand_name" className={field}>
              {t('brandName')}
            </label>
            <input
              id="brand_name"
              name="brand_name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder={companyName}
              aria-invalid={err('brand_name') ? true : undefined}
              className={inputClass}
            />
            <FieldErrors errors={err('brand_name')} id="brand_name-error" />
          </div>
          <div>
            <label htmlFor="color-picker" className={field}>
              {t('brandColour')}
            </label>
            <div className="flex items-center gap-2">
              <input
                id="color-picker"
                type="color"
                value={color ?? DEFAULT_COLOR}
                onChange={(e) => setColor(e.target.value)}
                className="h-10 w-14 cursor-pointer rounded-lg border border-slate-300 bg-white p-1"
              />
              <span className="font-mono text-sm text-slate-600">{color ?? t('platformDefault')}</span>
              {color && (
                <button type="button" onClick={() => setColor(null)} className="text-sm text-brand-700 hover:underline">
                  {t('reset')}
                </button>
              )}
            </div>
            <input type="hidden" name="color" value={color ?? ''} />
            <FieldErrors errors={err('color')} id="color-error" />
          </div>
        </div>
        <div>
          <span className={field}>{t('logo')}</span>
          <div className="flex flex-wrap items-center gap-3">
            <div className="flex h-14 w-24 items-center justify-center rounded-lg border border-dashed border-slate-300 bg-slate-50">
              {shownLogo ? (
                // eslint-disable-next-line @next/next/no-img-element -- a data URL or our own logo route
                <img src={shownLogo} alt={t('logoPreview')} className="max-h-12 max-w-20 object-contain" />
              ) : (
                <span className="text-xs text-slate-400">{t('noLogo')}</span>
              )}
            </div>
            <label className={`${buttonClass('secondary')} cursor-pointer`}>
              <span>{shownLogo ? t('replace') : t('upload')}</span>
              <input
                type="file"
                accept={LOGO_TYPES.join(',')}
                className="sr-only"
                aria-label={t('logoFile')}
                data-testid="logo-file"
                onChange={(e) => onFile(e.target.files?.[0])}
              />
            </label>
            {shownLogo && (
              <button type="button" className="text-sm text-red-700 hover:underline" onClick={() => setLogo({ kind: 'remove' })}>
                {t('remove')}
              </button>
            )}
            {logo.kind !== 'keep' && (
              <button type="button" className="text-sm text-slate-600 hover:underline" onClick={() => setLogo({ kind: 'keep' })}>
                {t('undo')}
              </button>
            )}
          </div>
          <input type="hidden" name="logo" value={logo.kind === 'new' ? logo.dataUrl : logo.kind === 'remove' ? 'remove' : ''} />
          <p className="mt-1 text-xs text-slate-500">
            {logo.kind === 'new' ? t('logoNew', { name: logo.name }) : logo.kind === 'remove' ? t('logoRemoved') : t('logoHint')}
          </p>
          <FieldErrors errors={logoError ? [logoError] : err('logo_url')} id="logo-error" />
        </div>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="support_email" className={field}>
              {t('supportEmail')}
            </label>
            <input
              id="support_email"
              name="support_email"
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-invalid={err('support_email') ? true : undefined}
              className={inputClass}
            />
            <FieldErrors errors={err('support_email')} id="support_email-error" />
          </div>
          <div>
            <label htmlFor="support_phone" className={field}>
              {t('supportPhone')}
            </label>
            <input
              id="support_phone"
              name="support_phone"
              type="tel"
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
              placeholder="+95 9 123 456 789"
              aria-invalid={err('support_phone') ? true : undefined}
              className={inputClass}
            />
            <FieldErrors errors={err('support_phone')} id="support_phone-error" />
          </div>
        </div>
        <SupportContactFields
          viber={String(state.values?.support_viber ?? initial.support_viber ?? '')}
          telegram={String(state.values?.support_telegram ?? initial.support_telegram ?? '')}
          errors={state.fieldErrors}
        />
        <SubmitButton>{t('save')}</SubmitButton>
      </form>

      <div className="lg:col-span-2">
        <div className="mb-2 text-xs font-medium uppercase tracking-wide text-slate-500">{t('preview')}</div>
        <div className="rounded-xl border border-slate-200 bg-slate-50 p-4" style={brandStyle(color)} data-testid="brand-preview">
          <div className="mb-4 text-center">
            {shownLogo ? (
              // eslint-disable-next-line @next/next/no-img-element -- preview of the uploaded logo
              <img src={shownLogo} alt="" className="mx-auto mb-2 h-10 w-auto max-w-40 object-contain" />
            ) : (
              <div className="mx-auto mb-2 flex h-10 w-10 items-center justify-center rounded-xl bg-brand-600 font-bold text-white">
                {shownName.slice(0, 1).toUpperCase()}
              </div>
            )}
            <div className="break-words font-semibold">{t('previewTitle', { name: shownName })}</div>
            <div className="text-xs text-slate-500">{t('previewFor', { name: shownName })}</div>
          </div>
          <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-3" aria-hidden="true">
            <div className="h-8 rounded-md border border-slate-200 px-2 text-xs leading-8 text-slate-400">{t('email')}</div>
            <div className="h-8 rounded-md border border-slate-200 px-2 text-xs leading-8 text-slate-400">{t('password')}</div>
            <div className="h-8 rounded-md bg-brand-600 text-center text-xs font-medium leading-8 text-white">{t('signIn')}</div>
          </div>
          {(email.trim() || phone.trim()) && (
            <p className="mt-3 break-words text-center text-xs text-slate-500">
              {t('needHelp')} {[email.trim(), phone.trim()].filter(Boolean).join(' · ')}
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
