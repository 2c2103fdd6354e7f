// A message's delivery state as a coloured badge: waiting states amber/blue, done green, problems red.
import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui';

const TONE: Record<string, 'green' | 'blue' | 'amber' | 'red' | 'slate'> = {
  pending: 'amber',
  processing: 'blue',
  sent: 'blue',
  delivered: 'green',
  failed: 'red',
  expired: 'slate',
  unknown: 'slate',
  cancelling: 'amber',
  cancelled: 'slate',
};

export function MessageStateBadge({ state, testId }: { state: string; testId?: string }) {
  const t = useTranslations('messageState');
  const key = state as Parameters<typeof t>[0];
  return (
    <span data-testid={testId} data-state={state}>
      <Badge tone={TONE[state] ?? 'slate'}>{t.has(key) ? t(key) : state}</Badge>
    </span>
  );
}
