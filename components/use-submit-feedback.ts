'use client';
// A submit's success or error message belongs to that submit: it goes away as soon as the form changes or
// is sent again, and when any other form on the page is sent (a "New balance: …" from a top-up would be
// stale after a deduction). A field's error goes away once that field is edited.
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import type { FormState } from '@/lib/http/form-action';

const SUBMIT_EVENT = 'portal:form-submit';

export interface SubmitFeedback {
  /** Show state.message now? */
  showMessage: boolean;
  /** state.fieldErrors less the fields edited since. */
  fieldErrors: Record<string, string[]> | undefined;
  /** Attach to the form's onChange (any input, select or textarea in it). */
  onChange: (e: FormEvent<HTMLFormElement>) => void;
  /** Attach to the form's onSubmit (it does not prevent the submit). */
  onSubmit: () => void;
  /** Hide the message (e.g. when a controlled choice outside an input changes). */
  dismiss: () => void;
}

export function useSubmitFeedback(state: FormState): SubmitFeedback {
  const [hiddenFor, setHiddenFor] = useState<FormState | null>(null);
  const [edited, setEdited] = useState<{ for: FormState; names: Set<string> }>({ for: state, names: new Set() });
  const current = useRef(state);
  current.current = state;
  const self = useRef(Symbol('form'));

  useEffect(() => {
    const onOtherSubmit = (e: Event) => {
      if ((e as CustomEvent<symbol>).detail !== self.current) setHiddenFor(current.current);
    };
    window.addEventListener(SUBMIT_EVENT, onOtherSubmit);
    return () => window.removeEventListener(SUBMIT_EVENT, onOtherSubmit);
  }, []);

  const dismiss = useCallback(() => setHiddenFor(current.current), []);
  const onChange = useCallback((e: FormEvent<HTMLFormElement>) => {
    const name = (e.target as HTMLInputElement).name;
    setHiddenFor(current.current);
    if (name) {
      setEdited((prev) => {
        const names = new Set(prev.for === current.current ? prev.names : []);
        names.add(name);
        return { for: current.current, names };
      });
    }
  }, []);
  const onSubmit = useCallback(() => {
    setHiddenFor(current.current);
    window.dispatchEvent(new CustomEvent(SUBMIT_EVENT, { detail: self.current }));
  }, []);

  const names = edited.for === state ? edited.names : new Set<string>();
  let fieldErrors = state.fieldErrors;
  if (fieldErrors && names.size) {
    fieldErrors = Object.fromEntries(Object.entries(fieldErrors).filter(([k]) => !names.has(k.split('.')[0])));
    if (!Object.keys(fieldErrors).length) fieldErrors = undefined;
  }
  return { showMessage: Boolean(state.message) && hiddenFor !== state, fieldErrors, onChange, onSubmit, dismiss };
}
