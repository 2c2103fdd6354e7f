// GET|PATCH /api/admin/settings

import { assertCan } from '@/lib/auth/permissions';
import { api } from '@/lib/http/families';
import { getSettings, updateSettings } from '@/lib/services/settings';
import { settingsView } from '@/lib/validation/responses/accounts';
import { updateSettingsInput } from '@/lib/validation/settings';

export const GET = api({ summary: 'Platform settings', auth: 'admin', response: settingsView }, ({ db, actor }) => {
  assertCan(actor, 'settings.manage');
  return getSettings(db);
});

export const PATCH = api(
  { summary: 'Change platform settings', auth: 'admin', body: updateSettingsInput, response: settingsView },
  ({ db, actor, body }) => updateSettings(db, actor, body),
);
