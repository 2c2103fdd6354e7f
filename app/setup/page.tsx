import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ActionForm } from '@/components/action-form';
import { getDb } from '@/db';
import { hasAdmin } from '@/lib/services/seed';
import { setupAction } from './actions';

export const metadata: Metadata = { title: 'Set up' };

// First run on an empty database: create the first admin. Gone once an admin exists.
export default async function SetupPage() {
  if (await hasAdmin(await getDb())) redirect('/login');
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-md">
        <div className="mb-6 text-center">
          <h1 className="text-xl font-semibold">Set up the platform</h1>
          <p className="mt-1 text-sm text-slate-500">Create the first admin account. This page closes once an admin exists.</p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <ActionForm
            action={setupAction}
            columns={1}
            submitLabel="Create admin"
            testId="setup-form"
            fields={[
              { name: 'name', label: 'Your name', required: true },
              { name: 'email', label: 'Email', type: 'email', required: true, autoComplete: 'username' },
              { name: 'password', label: 'Password (min 8)', type: 'password', required: true, autoComplete: 'new-password' },
              { name: 'password_confirmation', label: 'Confirm password', type: 'password', required: true, autoComplete: 'new-password' },
            ]}
          />
        </div>
      </div>
    </main>
  );
}
