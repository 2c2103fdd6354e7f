'use client';
// Deleting a reseller: a modal that asks for the name to be typed. The server re-checks the name and
// refuses (with the reason) while the reseller has paid clients or a balance; on success it redirects.
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, useState } from 'react';
import type { FormState } from '@/lib/http/form-action';
import { FieldErrors, inputClass, SubmitButton } from './action-form';
import { buttonClass } from './ui';

type Action = (state: FormState, fd: FormData) => Promise<FormState>;

export interface DeleteTarget {
  id: number;
  name: string;
}

function DeleteForm({ target, action, onCancel }: { target: DeleteTarget; action: Action; onCancel: () => void }) {
  const t = useTranslations('admin.deleteReseller');
  const [state, formAction] = useActionState(action, {} as FormState);
  const [typed, setTyped] = useState('');
  const matches = typed.trim() === target.name;
  const fieldErrors = state.fieldErrors?.confirm;
  return (
    <form action={formAction} className="space-y-4" data-testid="delete-reseller-form">
      <input type="hidden" name="reseller_id" value={target.id} />
      <p className="text-sm text-slate-600">{t('explain')}</p>
      {state.message && !fieldErrors && (
        <div
          role="alert"
          className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
          data-testid="delete-refusal"
        >
          {state.message}
        </div>
      )}
      <div>
        <label htmlFor={`confirm-${target.id}`} className="mb-1 block text-sm font-medium text-slate-700">
          {t.rich('typeToConfirm', { name: target.name, b: (chunks) => <span className="font-semibold text-slate-900">{chunks}</span> })}
        </label>
        <input
          id={`confirm-${target.id}`}
          name="confirm"
          autoComplete="off"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          aria-invalid={fieldErrors ? true : undefined}
          aria-describedby={fieldErrors ? `confirm-${target.id}-error` : undefined}
          className={inputClass}
        />
        <FieldErrors errors={fieldErrors} id={`confirm-${target.id}-error`} />
      </div>
      <div className="flex flex-wrap justify-end gap-2">
        <button type="button" onClick={onCancel} className={buttonClass('secondary')}>
          {t('cancel')}
        </button>
        {matches ? (
          <SubmitButton variant="danger">{t('submit')}</SubmitButton>
        ) : (
          <button type="submit" disabled className={buttonClass('danger')}>
            {t('submit')}
          </button>
        )}
      </div>
    </form>
  );
}

/** A native modal <dialog>: focus moves into it, Escape and Cancel close it, the page behind is inert. */
export function DeleteResellerDialog({ target, action, onClose }: { target: DeleteTarget | null; action: Action; onClose: () => void }) {
  const t = useTranslations('admin.deleteReseller');
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (target && !d.open) d.showModal();
    if (!target && d.open) d.close();
  }, [target]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="delete-reseller-title"
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl border border-slate-200 bg-white p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      {target && (
        <div className="p-5">
          <h2 id="delete-reseller-title" className="mb-3 text-lg font-semibold">
            {t('title', { name: target.name })}
          </h2>
          {/* Keyed by reseller so a refusal shown for one is not shown for the next. */}
          <DeleteForm key={target.id} target={target} action={action} onCancel={onClose} />
        </div>
      )}
    </dialog>
  );
}

/** A "Delete" button that opens the dialog (a page's button, or a list row's small one). */
export function DeleteResellerButton({ target, action, row = false }: { target: DeleteTarget; action: Action; row?: boolean }) {
  const t = useTranslations('admin.deleteReseller');
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className={
          row
            ? 'inline-flex min-h-9 items-center rounded-lg px-2.5 text-sm font-medium text-red-700 hover:bg-red-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600'
            : buttonClass('secondary')
        }
        aria-label={row ? t('deleteName', { name: target.name }) : undefined}
        data-testid={row ? undefined : 'delete-reseller'}
      >
        <span className="text-red-700">{t('delete')}</span>
      </button>
      <DeleteResellerDialog target={open ? target : null} action={action} onClose={() => setOpen(false)} />
    </>
  );
}
