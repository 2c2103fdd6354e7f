// Audit actions in the reader's language: messages "auditAction.<area>.<verb>" (the action code is the
// key path); an action without a message reads as the English label or its code in words.
import { AUDIT_ACTION_LABEL, auditActionLabel } from '@/lib/audit-labels';

type Translate = { (key: string): string; has(key: string): boolean };

/** `t` is `getTranslations('auditAction')` / `useTranslations('auditAction')`. */
export function localAuditLabel(t: unknown, action: string): string {
  const tr = t as Translate;
  return action in AUDIT_ACTION_LABEL && tr.has(action) ? tr(action) : auditActionLabel(action);
}
