'use client';
// Pairing a phone: the server URL and gateway login, a password issued (or reset) on request and shown
// once, and a one-time 10-minute code; each comes with a QR code of the settings for the app to scan.
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { SubmitButton } from '@/components/action-form';
import { Notice } from '@/components/ui';
import type { FormState } from '@/lib/http/form-action';
import { OneTimeSecret } from './one-time-secret';

type Action = (state: FormState, fd: FormData) => Promise<FormState>;

function Qr({ src, label }: { src: unknown; label: string }) {
  if (typeof src !== 'string') return null;
  // eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server
  return (
    <img src={src} alt={label} width={176} height={176} className="h-44 w-44 rounded-lg border border-slate-200" data-testid="pairing-qr" />
  );
}

export function GatewayPanel({
  url,
  login,
  credentialsAction,
  codeAction,
}: {
  url: string;
  login: string | null;
  credentialsAction: Action;
  codeAction: Action;
}) {
  const t = useTranslations('client.gateway');
  const [cred, issue] = useActionState(credentialsAction, {} as FormState);
  const [code, makeCode] = useActionState(codeAction, {} as FormState);
  const shownLogin = typeof cred.data?.login === 'string' ? cred.data.login : login;
  const expires =
    typeof code.data?.valid_until === 'string'
      ? new Date(code.data.valid_until).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
      : null;
  return (
    <div className="space-y-5">
      <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-600">
        <li>{t('step1')}</li>
        <li>{t.rich('step2', { strong: (c) => <strong>{c}</strong> })}</li>
        <li>{t('step3')}</li>
      </ol>
      <dl className="grid gap-3 sm:grid-cols-2">
        <div className="min-w-0">
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{t('serverUrl')}</dt>
          <dd className="mt-0.5 break-all font-mono text-sm" data-testid="mobile-api-url">
            {url}
          </dd>
        </div>
        <div>
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{t('login')}</dt>
          <dd className="mt-0.5 font-mono text-sm" data-testid="gateway-login">
            {shownLogin ?? t('notIssued')}
          </dd>
        </div>
      </dl>
      <div className="grid gap-5 md:grid-cols-2">
        <form action={issue} className="space-y-3">
          <h3 className="text-sm font-semibold">{t('password')}</h3>
          {cred.message && !cred.ok && <Notice tone="error">{cred.message}</Notice>}
          {typeof cred.data?.password === 'string' ? (
            <>
              <OneTimeSecret
                label={t('gatewayPassword')}
                value={cred.data.password}
                testId="gateway-password"
                warning={t('passwordOnce')}
              />
              <Qr src={cred.data.qr} label={t('qrPassword')} />
            </>
          ) : (
            <p className="text-sm text-slate-600">{login ? t('issuedBefore') : t('issueHint')}</p>
          )}
          <SubmitButton variant={login || cred.data ? 'secondary' : 'primary'} testId="issue-password">
            {login || cred.data ? t('reset') : t('issue')}
          </SubmitButton>
        </form>
        <form action={makeCode} className="space-y-3">
          <h3 className="text-sm font-semibold">{t('code')}</h3>
          {code.message && !code.ok && <Notice tone="error">{code.message}</Notice>}
          {typeof code.data?.code === 'string' ? (
            <>
              <OneTimeSecret
                label={t('pairingCode')}
                value={code.data.code}
                testId="pairing-code"
                warning={expires ? t('codeValidUntil', { time: expires }) : t('codeValid')}
              />
              <Qr src={code.data.qr} label={t('qrCode')} />
            </>
          ) : (
            <p className="text-sm text-slate-600">{t('codeHint')}</p>
          )}
          <SubmitButton variant="secondary" testId="issue-code">
            {code.data ? t('newCode') : t('getCode')}
          </SubmitButton>
        </form>
      </div>
    </div>
  );
}
