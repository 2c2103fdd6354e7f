// GET|POST /api/admin/packages
import { withApi } from '@/lib/http/api';
import { createPackage, listAllPackages } from '@/lib/services/packages';
import { createPackageInput } from '@/lib/validation/packages';

export const GET = withApi({ auth: 'admin' }, async ({ db, actor }) => ({ data: await listAllPackages(db, actor) }));

export const POST = withApi({ auth: 'admin', body: createPackageInput, status: 201 }, ({ db, actor, body }) =>
  createPackage(db, actor, body),
);
