import 'server-only';
import type { Role } from '@/lib/auth/permissions';
import { loginWithPassword } from '@/lib/services/auth';
import { getClient } from '@/lib/services/clients';
import { resellerProfile } from '@/lib/services/resellers';
import { credentials } from '@/lib/validation/common';
import { adminLogin, clientLogin, resellerLogin } from '@/lib/validation/responses/accounts';
import { api } from './families';
import { guardedSignIn } from './login-limits';

const SUMMARY: Record<Role, string> = {
  admin: 'Sign in; returns a Bearer token',
  reseller: 'Sign in; returns a Bearer token and the reseller',
  client: 'Sign in; returns a Bearer token and the client',
};
const RESPONSE = { admin: adminLogin, reseller: resellerLogin, client: clientLogin };

/** POST /api/<role>/auth/login (admin, reseller) and /api/v1/auth/login (client): `{email, password}` → a Bearer token. */
export function loginRoute(role: Role) {
  return api(
    { summary: SUMMARY[role], auth: 'none', body: credentials, response: RESPONSE[role], errors: [401, 403] },
    async ({ db, body, ip }) => {
      const { token, token_type, expires_at, user } = await guardedSignIn(db, body.email, ip, () => loginWithPassword(db, body, role));
      const actor = { userId: user.id, role, ip };
      const profile =
        role === 'reseller'
          ? { reseller: await resellerProfile(db, actor) }
          : role === 'client'
            ? { client: await getClient(db, actor, user.id) }
            : { admin: { id: user.id, name: user.name, email: user.email } };
      return { token, token_type, expires_at, ...profile };
    },
  );
}
