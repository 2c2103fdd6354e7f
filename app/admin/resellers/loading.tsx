import { useTranslations } from 'next-intl';
import { PageSkeleton } from '@/components/skeleton';

// Shown while a resellers page renders on the server (the list, a reseller, its forms).
export default function Loading() {
  const t = useTranslations('loading');
  return <PageSkeleton rows={10} label={t('resellers')} />;
}
