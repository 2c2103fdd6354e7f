import { PageSkeleton } from '@/components/skeleton';

export default function Loading() {
  return <PageSkeleton rows={5} filters={false} label="Loading form…" />;
}
