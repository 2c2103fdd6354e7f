// What a session token says about its user, as every reader of the cookie gives it: Auth.js's session callback
// (lib/auth/auth.ts) and the direct read of the cookie (lib/auth/session-token.ts).
import type { Role } from './permissions';

export interface SessionClaims {
  uid: number;
  role: Role;
  sv: number;
  sid: string;
  sat: number;
}

export function claimsOf(token: Record<string, unknown>): SessionClaims {
  return {
    uid: Number(token.uid),
    role: token.role as Role,
    sv: Number(token.sv),
    sid: typeof token.sid === 'string' ? token.sid : '',
    sat: Number(token.sat ?? 0),
  };
}
