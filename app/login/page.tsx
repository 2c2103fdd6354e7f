import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { PORTAL, sessionUser } from '@/lib/auth/session';
import { hasAdmin } from '@/lib/services/seed';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ signed_out?: string; setup?: string }> }) {
  const user = await sessionUser();
  if (user) redirect(PORTAL[user.actor.role]);
  // A fresh PostgreSQL database without ADMIN_EMAIL: the first admin is created on /setup.
  if (!(await hasAdmin(await getDb()))) redirect('/setup');
  const { signed_out, setup } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <div className="mx-auto mb-3 flex h-11 w-11 items-center justify-center rounded-xl bg-brand-600 text-lg font-bold text-white">S</div>
          <h1 className="text-xl font-semibold">Sign in</h1>
          <p className="mt-1 text-sm text-slate-500">Admins, resellers and clients sign in here.</p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          {setup && (
            <p role="status" className="mb-4 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800">Admin created. Sign in with it now.</p>
          )}
          {signed_out && (
            <p className="mb-4 rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-600">You were signed out. Please sign in again.</p>
          )}
          <LoginForm />
        </div>
      </div>
    </main>
  );
}
