// GET|POST /api/admin/packages
import { api } from '@/lib/http/families';
import { createPackage, listAllPackages } from '@/lib/services/packages';
import { createPackageInput } from '@/lib/validation/packages';
import { packageView } from '@/lib/validation/responses/billing';
import { listOf } from '@/lib/validation/responses/common';

export const GET = api({ summary: 'The whole package catalog', auth: 'admin', response: listOf(packageView) }, async ({ db, actor }) => ({
  data: await listAllPackages(db, actor),
}));

export const POST = api(
  { summary: 'Add a package', auth: 'admin', body: createPackageInput, status: 201, response: packageView, errors: [409] },
  ({ db, actor, body }) => createPackage(db, actor, body),
);
