import { PageSkeleton } from '@/components/skeleton';

export default function Loading() {
  return <PageSkeleton rows={10} label="Loading messages…" />;
}
