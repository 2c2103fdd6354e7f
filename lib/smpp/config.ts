// SMPP settings from the environment (README and docs/smpp.md list them).
import { readFileSync } from 'node:fs';

export const DEFAULT_SMPP_PORT = 2775;
export const DEFAULT_SMPP_TLS_PORT = 3550;

export interface SmppConfig {
  /** Plain TCP port; null when off (SMPP_PORT=0). */
  port: number | null;
  /** TLS port when SMPP_TLS_CERT and SMPP_TLS_KEY are set; null otherwise or when SMPP_TLS_PORT=0. */
  tlsPort: number | null;
  tls: { cert: Buffer; key: Buffer } | null;
  /** The host name clients are told to connect to; null: the host the portal or API was reached on. */
  host: string | null;
  /** Bind attempts per minute per remote address. */
  bindAttemptsPerMinute: number;
}

function portOf(value: string | undefined, fallback: number): number | null {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) throw new Error(`not a port: ${value}`);
  return n === 0 ? null : n;
}

export function smppConfig(env: NodeJS.ProcessEnv = process.env): SmppConfig {
  const certFile = env.SMPP_TLS_CERT;
  const keyFile = env.SMPP_TLS_KEY;
  const tls = certFile && keyFile ? { cert: readFileSync(certFile), key: readFileSync(keyFile) } : null;
  return {
    port: portOf(env.SMPP_PORT, DEFAULT_SMPP_PORT),
    tlsPort: tls ? portOf(env.SMPP_TLS_PORT, DEFAULT_SMPP_TLS_PORT) : null,
    tls,
    host: env.SMPP_HOST?.trim() || null,
    bindAttemptsPerMinute: Number(env.SMPP_BIND_RATE_LIMIT || 60),
  };
}

/** Where the portal and API tell a client to connect (no certificate files are read). */
export function smppEndpoint(
  requestHost: string,
  env: NodeJS.ProcessEnv = process.env,
): { host: string; port: number | null; tls_port: number | null } {
  const tlsOn = Boolean(env.SMPP_TLS_CERT && env.SMPP_TLS_KEY);
  return {
    host: env.SMPP_HOST?.trim() || requestHost,
    port: portOf(env.SMPP_PORT, DEFAULT_SMPP_PORT),
    tls_port: tlsOn ? portOf(env.SMPP_TLS_PORT, DEFAULT_SMPP_TLS_PORT) : null,
  };
}

/** The host name part of an origin (`https://acme.example.com:3000` → `acme.example.com`). */
export function hostOf(origin: string): string {
  try {
    return new URL(origin).hostname;
  } catch {
    return 'localhost';
  }
}
