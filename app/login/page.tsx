import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { PORTAL, sessionUser } from '@/lib/auth/session';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ signed_out?: string }> }) {
  const user = await sessionUser();
  if (user) redirect(PORTAL[user.actor.role]);
  const { signed_out } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <div className="mx-auto mb-3 flex h-11 w-11 items-center justify-center rounded-xl bg-brand-600 text-lg font-bold text-white">S</div>
          <h1 className="text-xl font-semibold">Sign in</h1>
          <p className="mt-1 text-sm text-slate-500">Admins, resellers and clients sign in here.</p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          {signed_out && (
            <p className="mb-4 rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-600">You were signed out. Please sign in again.</p>
          )}
          <LoginForm />
        </div>
      </div>
    </main>
  );
}
