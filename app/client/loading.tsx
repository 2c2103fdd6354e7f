import { PageSkeleton } from '@/components/skeleton';

export default function Loading() {
  return <PageSkeleton rows={6} filters={false} label="Loading overview…" />;
}
