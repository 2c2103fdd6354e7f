import type { Metadata } from 'next';
import { SendForm } from '@/components/client/send-form';
import { Card, Notice, PageHeader, StatCard } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { clientHome } from '@/lib/services/client-portal';
import { listDevices } from '@/lib/services/devices';
import { sendSmsAction } from './actions';

export const metadata: Metadata = { title: 'Send SMS' };

export default async function SendPage() {
  const { db, actor } = await requireRole('client');
  const [{ client, reseller }, devices] = await Promise.all([clientHome(db, actor), listDevices(db, actor)]);
  const u = client.usage;
  const leftToday = Math.max(0, u.daily_limit - u.today);
  const leftPeriod = Math.max(0, u.period_limit - u.period);
  const blocked = client.status === 'expired' || client.status === 'suspended';
  const usable = devices.filter((d) => d.enabled);
  return (
    <>
      <PageHeader title="Send SMS" subtitle="Messages go out through your paired Android gateway phones." />
      <div className="mb-5 grid grid-cols-2 gap-3">
        <StatCard label="Left today" value={leftToday} hint={`${u.today} of ${u.daily_limit} used`} testId="quota-today" />
        <StatCard label="Left this period" value={leftPeriod} hint={`${u.period} of ${u.period_limit} used`} testId="quota-period" />
      </div>
      <div className="grid gap-5 [&>*]:min-w-0 lg:grid-cols-3">
        <Card title="New message" className="lg:col-span-2">
          {blocked && (
            <div className="mb-4">
              <Notice tone="error">
                {client.status === 'expired'
                  ? `Your account has expired — contact ${reseller.name} to renew before sending.`
                  : 'This account is suspended.'}
              </Notice>
            </div>
          )}
          <SendForm
            action={sendSmsAction}
            devices={usable.map((d) => ({ id: d.id, name: d.name, online: d.online }))}
            remaining={Math.min(leftToday, leftPeriod)}
          />
        </Card>
        <Card title="Good to know">
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-600">
            <li>Each recipient counts as one SMS against your quota.</li>
            <li>Latin text uses GSM-7: 160 characters in one SMS, 153 per part of a long one.</li>
            <li>Myanmar script and emoji use Unicode: 70 characters in one SMS, 67 per part.</li>
            <li>
              {usable.length
                ? `${usable.filter((d) => d.online).length} of ${usable.length} enabled device(s) online.`
                : 'No device paired yet: messages wait until you pair a phone on the Devices page.'}
            </li>
            <li>Unsent messages expire after an hour and give their quota back.</li>
          </ul>
        </Card>
      </div>
    </>
  );
}
