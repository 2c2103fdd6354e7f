// A message's delivery state as a coloured badge: waiting states amber/blue, done green, problems red.
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
  return (
    <span data-testid={testId} data-state={state}>
      <Badge tone={TONE[state] ?? 'slate'}>{state}</Badge>
    </span>
  );
}
