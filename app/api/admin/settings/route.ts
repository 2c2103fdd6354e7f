// GET|PATCH /api/admin/settings

import { assertCan } from '@/lib/auth/permissions';
import { withApi } from '@/lib/http/api';
import { getSettings, updateSettings } from '@/lib/services/settings';
import { updateSettingsInput } from '@/lib/validation/settings';

export const GET = withApi({ auth: 'admin' }, ({ db, actor }) => {
  assertCan(actor, 'settings.manage');
  return getSettings(db);
});

export const PATCH = withApi({ auth: 'admin', body: updateSettingsInput }, ({ db, actor, body }) => updateSettings(db, actor, body));
