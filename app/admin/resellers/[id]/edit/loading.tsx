import { useTranslations } from 'next-intl';
import { PageSkeleton } from '@/components/skeleton';

export default function Loading() {
  const t = useTranslations('loading');
  return <PageSkeleton rows={8} filters={false} label={t('form')} />;
}
