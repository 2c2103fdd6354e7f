// The package form's fields, shared by the add form and the edit page.
import type { FieldSpec } from '@/components/action-form';
import type { PackageView } from '@/lib/services/packages';

export function packageFields(p?: PackageView): FieldSpec[] {
  const d = (v: number | undefined) => (v === undefined ? undefined : String(v));
  return [
    { name: 'name', label: 'Name', required: true, defaultValue: p?.name, placeholder: 'Starter Pro' },
    { name: 'price', label: 'Price (MMK)', type: 'number', required: true, defaultValue: d(p?.price), placeholder: '50000' },
    { name: 'daily_limit', label: 'SMS per day', type: 'number', required: true, defaultValue: d(p?.daily_limit) },
    {
      name: 'period_limit',
      label: 'SMS per period',
      type: 'number',
      required: true,
      defaultValue: d(p?.period_limit),
      hint: 'At least the daily limit.',
    },
    { name: 'device_limit', label: 'Devices', type: 'number', required: true, defaultValue: d(p?.device_limit) ?? '1' },
    { name: 'period_days', label: 'Period (days)', type: 'number', required: true, defaultValue: d(p?.period_days) ?? '30' },
    {
      name: 'smpp_throughput',
      label: 'SMPP messages per second',
      type: 'number',
      required: true,
      defaultValue: d(p?.smpp_throughput) ?? '10',
    },
    { name: 'smpp_max_binds', label: 'SMPP binds at once', type: 'number', required: true, defaultValue: d(p?.smpp_max_binds) ?? '2' },
  ];
}
