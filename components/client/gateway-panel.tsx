'use client';
// Pairing a phone: the server URL and gateway login, a password issued (or reset) on request and shown
// once, and a one-time 10-minute code; each comes with a QR code of the settings for the app to scan.
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
        <li>Install the SMS Gateway app on an Android phone with a SIM card.</li>
        <li>
          In the app choose <strong>Private server</strong> and enter the server URL below.
        </li>
        <li>Sign in with the login and password, or with a one-time code — or scan the QR code.</li>
      </ol>
      <dl className="grid gap-3 sm:grid-cols-2">
        <div className="min-w-0">
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Server URL</dt>
          <dd className="mt-0.5 break-all font-mono text-sm" data-testid="mobile-api-url">
            {url}
          </dd>
        </div>
        <div>
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Gateway login</dt>
          <dd className="mt-0.5 font-mono text-sm" data-testid="gateway-login">
            {shownLogin ?? 'Not issued yet'}
          </dd>
        </div>
      </dl>
      <div className="grid gap-5 md:grid-cols-2">
        <form action={issue} className="space-y-3">
          <h3 className="text-sm font-semibold">Password</h3>
          {cred.message && !cred.ok && <Notice tone="error">{cred.message}</Notice>}
          {typeof cred.data?.password === 'string' ? (
            <>
              <OneTimeSecret
                label="Gateway password"
                value={cred.data.password}
                testId="gateway-password"
                warning="Shown only once. Issuing a new one replaces it for new pairings and the 3rd-party API; phones already paired keep working."
              />
              <Qr src={cred.data.qr} label="QR code with the server URL, login and password" />
            </>
          ) : (
            <p className="text-sm text-slate-600">
              {login
                ? 'A password was issued before. Resetting it stops phones signed in with the old one from registering again.'
                : 'Issue a password to sign the app in.'}
            </p>
          )}
          <SubmitButton variant={login || cred.data ? 'secondary' : 'primary'} testId="issue-password">
            {login || cred.data ? 'Reset password' : 'Issue password'}
          </SubmitButton>
        </form>
        <form action={makeCode} className="space-y-3">
          <h3 className="text-sm font-semibold">One-time code</h3>
          {code.message && !code.ok && <Notice tone="error">{code.message}</Notice>}
          {typeof code.data?.code === 'string' ? (
            <>
              <OneTimeSecret
                label="Pairing code"
                value={code.data.code}
                testId="pairing-code"
                warning={`Valid once, for 10 minutes${expires ? ` (until ${expires})` : ''}.`}
              />
              <Qr src={code.data.qr} label="QR code with the server URL and pairing code" />
            </>
          ) : (
            <p className="text-sm text-slate-600">A code signs in one phone without the password. It works once, within 10 minutes.</p>
          )}
          <SubmitButton variant="secondary" testId="issue-code">
            {code.data ? 'New code' : 'Get a code'}
          </SubmitButton>
        </form>
      </div>
    </div>
  );
}
