// PATCH /api/admin/packages/:id — existing subscriptions keep the price and limits they were sold with
import { api } from '@/lib/http/families';
import { updatePackage } from '@/lib/services/packages';
import { updatePackageInput } from '@/lib/validation/packages';
import { packageView } from '@/lib/validation/responses/billing';

export const PATCH = api(
  {
    summary: 'Edit or disable a package (existing subscriptions never change)',
    auth: 'admin',
    body: updatePackageInput,
    response: packageView,
    errors: [409],
  },
  ({ db, actor, id, body }) => updatePackage(db, actor, id, body),
);
