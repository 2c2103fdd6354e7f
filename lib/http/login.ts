import 'server-only';
import type { Role } from '@/lib/auth/permissions';
import { loginWithPassword } from '@/lib/services/auth';
import { getClient } from '@/lib/services/clients';
import { resellerProfile } from '@/lib/services/resellers';
import { credentials } from '@/lib/validation/common';
import { withApi } from './api';
import { limitLogin } from './rate-limit';

/** POST /api/<role>/auth/login (admin, reseller) and /api/v1/auth/login (client): `{email, password}` → a Bearer token. */
export function loginRoute(role: Role) {
  return withApi({ auth: 'none', body: credentials }, async ({ db, body, ip }) => {
    await limitLogin(db, body.email, ip);
    const { token, token_type, expires_at, user } = await loginWithPassword(db, body, role);
    const actor = { userId: user.id, role, ip };
    const profile =
      role === 'reseller'
        ? { reseller: await resellerProfile(db, actor) }
        : role === 'client'
          ? { client: await getClient(db, actor, user.id) }
          : { admin: { id: user.id, name: user.name, email: user.email } };
    return { token, token_type, expires_at, ...profile };
  });
}
