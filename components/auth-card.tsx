// The card the public account pages share (sign-in's look): the brand of the host, a title, the form.
import { brandStyle } from './brand';

export function AuthCard({
  brand,
  title,
  intro,
  children,
  footer,
}: {
  brand: { name: string; color: string | null } | null;
  title: string;
  intro?: string;
  children: React.ReactNode;
  footer?: React.ReactNode;
}) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-10" style={brandStyle(brand?.color)}>
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center" data-testid="auth-brand">
          <div className="mx-auto mb-3 flex h-11 w-11 items-center justify-center rounded-xl bg-brand-600 text-lg font-bold text-white">
            {(brand?.name ?? 'S').slice(0, 1).toUpperCase()}
          </div>
          <h1 className="text-xl font-semibold">{title}</h1>
          {intro && <p className="mt-1 text-sm text-slate-500">{intro}</p>}
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">{children}</div>
        {footer && <div className="mt-4 text-center text-sm text-slate-500">{footer}</div>}
      </div>
    </main>
  );
}
