import { useTranslations } from 'next-intl';
import { PageSkeleton } from '@/components/skeleton';

export default function Loading() {
  const t = useTranslations('client.contacts');
  return <PageSkeleton rows={8} filters label={t('loading')} />;
}
