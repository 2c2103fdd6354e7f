// PATCH /api/admin/packages/:id — existing subscriptions keep the price and limits they were sold with
import { withApi } from '@/lib/http/api';
import { updatePackage } from '@/lib/services/packages';
import { updatePackageInput } from '@/lib/validation/packages';

export const PATCH = withApi({ auth: 'admin', body: updatePackageInput }, ({ db, actor, id, body }) => updatePackage(db, actor, id, body));
