// Error logging that never writes a secret. Drizzle puts a failed query's parameters in its error message
// (passwords hashes, webhook secrets, tokens being stored), and driver errors may echo values: the log keeps
// the query text, the error names, codes and stack frames, and masks everything that could be a credential.

const REDACTIONS: [RegExp, string][] = [
  // Drizzle: "Failed query: <sql>\nparams: a,b,c" — the parameters are values, never logged.
  [/\nparams: [^\n]*/g, '\nparams: [redacted]'],
  // PostgreSQL echoes the value it could not parse.
  [/(invalid input (?:syntax|value) for [^:\n]*: )"[^"\n]*"/g, '$1"[redacted]"'],
  // Our own tokens and keys (lib/auth/tokens.ts prefixes), webhook secrets and argon2 hashes.
  [/\b(sess|rk|ck|dv|pair|whsec)_[A-Za-z0-9_-]{16,}/g, '$1_[redacted]'],
  [/\$argon2(id|i|d)\$[^\s"']+/g, '$argon2$1$[redacted]'],
  // Credentials in headers or URLs.
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [redacted]'],
  [/(\/\/[^/\s:@]+:)[^@\s/]+@/g, '$1[redacted]@'],
  // key=value and "key":"value" pairs whose key names a secret.
  [/((?:password|passwd|secret|token|api_key|apikey|authorization)["']?\s*[:=]\s*["']?)[^"',\s&}]+/gi, '$1[redacted]'],
];

export function redact(text: string): string {
  return REDACTIONS.reduce((t, [re, by]) => t.replace(re, by), text);
}

/** One line per error in the cause chain: name, PostgreSQL code if any, message; then the top stack frames. */
export function describeError(err: unknown): string {
  const lines: string[] = [];
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e !== undefined && e !== null; depth++) {
    if (e instanceof Error) {
      const code = (e as { code?: unknown }).code;
      lines.push(`${depth ? 'caused by ' : ''}${e.name}${typeof code === 'string' ? ` [${code}]` : ''}: ${e.message}`);
      e = (e as { cause?: unknown }).cause;
    } else {
      lines.push(`${depth ? 'caused by ' : ''}${typeof e === 'string' ? e : typeof e}`);
      break;
    }
  }
  const stack =
    err instanceof Error && err.stack
      ? err.stack
          .split('\n')
          .filter((l) => /^\s+at /.test(l))
          .slice(0, 8)
      : [];
  return redact([...lines, ...stack].join('\n'));
}

export function logError(context: string, err: unknown): void {
  console.error(`[error] ${context}: ${describeError(err)}`);
}
