import { PageSkeleton } from '@/components/skeleton';

export default function Loading() {
  return <PageSkeleton rows={8} label="Loading clients…" />;
}
