// The Content-Security-Policy of every HTML page. Scripts run only with the per-request nonce that proxy.ts
// generates ('strict-dynamic' lets Next's own loader add its chunks); no inline or injected script runs.
// Styles keep 'unsafe-inline': React writes style attributes (brand colour, chart sizes), which cannot carry
// a nonce, and a style cannot run code.
export function pageCsp(nonce: string, dev = process.env.NODE_ENV === 'development'): string {
  return [
    "default-src 'self'",
    // Next's dev server evaluates modules with eval; a production build never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** JSON and file answers never run scripts or render in a frame. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** A fresh unguessable nonce (128 random bits, base64). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
