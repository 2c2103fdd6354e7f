// The logo rules, shared by the server's validation (./branding) and the upload form's early check in the
// browser: a module of its own so the client bundle gets the numbers without zod.
export const MAX_LOGO_BYTES = 200_000;
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml', 'image/webp', 'image/gif'];
