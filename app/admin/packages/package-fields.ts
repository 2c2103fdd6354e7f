// The package form's fields, shared by the add form and the edit page.
import type { getTranslations } from 'next-intl/server';
import type { FieldSpec } from '@/components/action-form';
import type { PackageView } from '@/lib/services/packages';

/** An example of a product name, not interface text. */
const NAME_EXAMPLE = 'Starter Pro';

type T = Awaited<ReturnType<typeof getTranslations<'admin.packageFields'>>>;

export function packageFields(t: T, p?: PackageView): FieldSpec[] {
  const d = (v: number | undefined) => (v === undefined ? undefined : String(v));
  return [
    { name: 'name', label: t('name'), required: true, defaultValue: p?.name, placeholder: NAME_EXAMPLE },
    { name: 'price', label: t('price'), type: 'number', required: true, defaultValue: d(p?.price), placeholder: '50000' },
    { name: 'daily_limit', label: t('daily'), type: 'number', required: true, defaultValue: d(p?.daily_limit) },
    {
      name: 'period_limit',
      label: t('period'),
      type: 'number',
      required: true,
      defaultValue: d(p?.period_limit),
      hint: t('periodHint'),
    },
    { name: 'device_limit', label: t('devices'), type: 'number', required: true, defaultValue: d(p?.device_limit) ?? '1' },
    { name: 'period_days', label: t('days'), type: 'number', required: true, defaultValue: d(p?.period_days) ?? '30' },
    {
      name: 'smpp_throughput',
      label: t('throughput'),
      type: 'number',
      required: true,
      defaultValue: d(p?.smpp_throughput) ?? '10',
    },
    { name: 'smpp_max_binds', label: t('binds'), type: 'number', required: true, defaultValue: d(p?.smpp_max_binds) ?? '2' },
  ];
}
