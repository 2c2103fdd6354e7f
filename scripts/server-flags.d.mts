/** The Node flags of the production server process (server-flags.mjs). */
export function serverNodeFlags(env?: Record<string, string | undefined>): string[];
