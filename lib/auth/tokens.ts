import { createHash, randomBytes } from 'node:crypto';

/** A random token (32 bytes) with a readable prefix; only its SHA-256 is stored. */
export function newToken(prefix: 'sess' | 'rk' | 'ck' | 'dv' | 'pair'): { token: string; hash: string; display: string } {
  const token = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token), display: token.slice(0, prefix.length + 7) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function bearerFrom(header: string | null): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return m ? m[1] : null;
}
