// Auth.js v5: credentials sign-in for all three roles, JWT sessions. The JWT carries the user id, role
// and session version; every guard re-reads the account (lib/auth/session.ts), so suspension and
// password changes take effect on the next request.
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db';
import { DomainError } from '@/lib/errors';
import { logError } from '@/lib/log';
import { claimsOf } from './claims';
import type { Role } from './permissions';

declare module 'next-auth' {
  interface User {
    role?: Role;
    sv?: number;
  }
  interface Session {
    uid: number;
    role: Role;
    sv: number;
    /** This browser session's id: sign-out revokes it on the server (lib/auth/session.ts). */
    sid: string;
    /** When it was signed in (seconds): a session lives at most SESSION_MAX_AGE_S, however it is refreshed. */
    sat: number;
  }
}

export const SESSION_MAX_AGE_S = 7 * 24 * 3600;

class InvalidCredentials extends CredentialsSignin {
  code = 'invalid_credentials';
}
class SuspendedAccount extends CredentialsSignin {
  code = 'account_suspended';
}
class TooManyAttempts extends CredentialsSignin {
  code = 'rate_limited';
}
class WrongPortal extends CredentialsSignin {
  code = 'wrong_portal';
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: '/login' },
  trustHost: true,
  // A refused sign-in is an expected outcome, not a server error: keep it out of the error log.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === 'CredentialsSignin') return;
      logError('auth', error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        // Imported lazily: the service pulls in argon2 and the database, which only the server needs.
        const { verifyCredentialsOnBrand } = await import('@/lib/services/auth');
        const { brandFromRequestHost } = await import('@/lib/services/branding');
        const { credentials } = await import('@/lib/validation/common');
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        try {
          const db = await getDb();
          const { guardedSignIn } = await import('@/lib/http/login-limits');
          const { clientIp } = await import('@/lib/http/client-ip');
          // The brand comes from the Host the browser used, never from a form field.
          const brand = await brandFromRequestHost(db, request.headers.get('x-forwarded-host') ?? request.headers.get('host'));
          const user = await guardedSignIn(db, parsed.data.email, clientIp(request.headers), () =>
            verifyCredentialsOnBrand(db, parsed.data, brand?.reseller_id ?? null),
          );
          return { id: String(user.id), name: user.name, email: user.email, role: user.role, sv: user.sessionVersion };
        } catch (err) {
          if (err instanceof DomainError && err.code === 'account_suspended') throw new SuspendedAccount();
          if (err instanceof DomainError && err.code === 'rate_limited') throw new TooManyAttempts();
          if (err instanceof DomainError && err.code === 'wrong_portal') throw new WrongPortal();
          if (err instanceof DomainError) throw new InvalidCredentials();
          throw err;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = user.role;
        token.sv = user.sv;
        token.sid = crypto.randomUUID();
        token.sat = Math.floor(Date.now() / 1000);
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, ...claimsOf(token) };
    },
  },
});
